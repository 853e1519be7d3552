package org.callmask.session;

/** The part a participant plays in a two-party mask. */
public enum Role {
    /** The platform's customer. */
    CLIENT,
    /** The worker doing the job: driver, courier, technician. */
    CONTRACTOR;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
