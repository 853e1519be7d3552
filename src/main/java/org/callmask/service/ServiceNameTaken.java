package org.callmask.service;

/** Another service already has the unique name. */
public class ServiceNameTaken extends RuntimeException {

    private final String name;

    public ServiceNameTaken(String name) {
        super("A service named " + name + " exists");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
