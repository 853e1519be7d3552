package org.callmask.signalwire;

/**
 * SignalWire answered a request with an error: a 4xx at once, or a 429 or 5xx that retries did not
 * get past.
 *
 * @see #code()
 */
public class SignalWireRejected extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    SignalWireRejected(int status, String code, String detail) {
        super("SignalWire answered " + status + (code == null ? "" : " (code " + code + ")"));
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    /** The HTTP status SignalWire answered with. */
    public int status() {
        return status;
    }

    /** SignalWire's error code, such as {@code 21211}; {@code null} when it gave none. */
    public String code() {
        return code;
    }

    /** SignalWire's own words about the error; {@code null} when it gave none. */
    public String detail() {
        return detail;
    }
}
