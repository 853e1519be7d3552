package org.callmask.service;

/** The built-in service cannot be renamed or deleted: the seed API works on it. */
public class BuiltInServiceChange extends RuntimeException {

    public BuiltInServiceChange(String what) {
        super("The built-in service " + ProxyService.DEFAULT_NAME + " cannot be " + what);
    }
}
