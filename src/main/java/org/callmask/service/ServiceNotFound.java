package org.callmask.service;

/** No service has the id or unique name asked for (or it was deleted). */
public class ServiceNotFound extends RuntimeException {

    public ServiceNotFound() {
        super("No such service");
    }
}
