package org.callmask.session;

/** The proxy number asked for a participant cannot be given to it. Nothing was changed. */
public final class ProxyNumberRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** It is not one of the service's numbers. */
        NOT_IN_POOL,
        /** It cannot carry what the session's mode needs. */
        LACKS_CAPABILITY,
        /** It is not in the participant's country, and the service matches countries. */
        OTHER_COUNTRY,
        /** It does not have the participant's area code, and the service matches area codes. */
        OTHER_AREA_CODE,
        /** It carries as many routes as its capacity allows. */
        FULL,
        /** The participant already has it in another active session. */
        ALREADY_PAIRED,
        /** The participant had it with someone else too recently (the service's cool-off). */
        COOLING_OFF
    }

    private final Reason reason;

    ProxyNumberRefused(Reason reason) {
        super("Proxy number refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
