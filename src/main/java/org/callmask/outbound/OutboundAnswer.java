package org.callmask.outbound;

/** What came of a request CallMask sent. */
public sealed interface OutboundAnswer {

    /**
     * The receiver answered.
     *
     * @param body at most {@link OutboundHttp#MAX_ANSWER} bytes of its body; longer ones are cut
     */
    record Answered(int status, byte[] body) implements OutboundAnswer {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * No answer: the request was refused before it was sent, or the receiver could not be reached
     * or did not answer in time.
     *
     * @param detail what happened, fit for a log line and an API answer: no secrets, no bodies
     */
    record NotAnswered(Failure failure, String detail) implements OutboundAnswer {}

    /** Why there was no answer. */
    enum Failure {
        /** The URL is not one CallMask may send to (scheme, or an internal address). */
        REFUSED,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The connection could not be made or broke. */
        CONNECTION
    }
}
