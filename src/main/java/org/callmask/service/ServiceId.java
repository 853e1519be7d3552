package org.callmask.service;

import org.callmask.core.PublicId;

/** A service's id: {@code svc_} and 32 hex digits. */
public record ServiceId(String value) {

    static final String PREFIX = "svc";

    public ServiceId {
        PublicId.require(PREFIX, value);
    }

    static ServiceId random() {
        return new ServiceId(PublicId.next(PREFIX));
    }

    public static boolean looksLikeOne(String text) {
        return PublicId.isValid(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
