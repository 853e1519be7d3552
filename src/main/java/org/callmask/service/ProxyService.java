package org.callmask.service;

import java.time.Instant;

/** A service: a tenant with its own pool of numbers and the defaults its sessions follow. */
public record ProxyService(
        ServiceId id, String uniqueName, ServiceSettings settings, Instant createdAt, Instant updatedAt) {

    /** The name of the built-in service the seed API works on. */
    public static final String DEFAULT_NAME = "default";

    public boolean isBuiltIn() {
        return DEFAULT_NAME.equals(uniqueName);
    }
}
