package org.callmask.telephony;

/** The paths SignalWire is configured to call; the security configuration classifies them. */
public final class WebhookRoutes {

    /** A call to a proxy number, answered with SWML. */
    public static final String CALLS = "/calls/route";

    /** A message to a proxy number, answered with LaML. */
    public static final String TEXTS = "/texts/route";

    /** SignalWire's status callbacks for one call; the token names the interaction. */
    public static final String CALL_STATUS = "/calls/status/{token}";

    /** SignalWire's status callbacks for one forwarded message. */
    public static final String TEXT_STATUS = "/texts/status/{token}";

    /**
     * The SWML of a call the platform started: fetched by SignalWire when the first participant
     * answers, to connect them to the other.
     */
    public static final String CALL_CONNECT = "/calls/connect/{token}";

    private WebhookRoutes() {}
}
