package org.callmask.core;

/**
 * A text that was offered as a phone number is not one in E.164 form. The message names the
 * offending text as received, so the caller who sent it can see what was wrong.
 */
public final class InvalidPhoneNumber extends IllegalArgumentException {

    private final String input;

    public InvalidPhoneNumber(String input, String reason) {
        super(input + " is not a valid E.164 formatted phone number" + (reason == null ? "" : " (" + reason + ")"));
        this.input = input;
    }

    /** The text as it was received. */
    public String input() {
        return input;
    }
}
