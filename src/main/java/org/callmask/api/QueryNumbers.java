package org.callmask.api;

import org.callmask.core.PhoneNumber;

/** Phone numbers given as query parameters. */
final class QueryNumbers {

    private QueryNumbers() {}

    /**
     * Reads a number from a decoded query parameter. A {@code +} written raw in a query string
     * decodes to a space, so {@code +15551231111} arrives as {@code " 15551231111"}; that case
     * gets a message saying how to send it rather than a puzzling one about the number.
     */
    static PhoneNumber parse(String parameter, String value) {
        if (!value.isEmpty() && value.charAt(0) == ' ') {
            String rest = value.stripLeading();
            if (!rest.isEmpty() && rest.charAt(0) >= '0' && rest.charAt(0) <= '9') {
                throw new InvalidRequest(parameter + " begins with a space, which is how a raw + arrives in a query "
                        + "string: write + as %2B, as in " + parameter + "=%2B…");
            }
        }
        return PhoneNumber.parse(value);
    }
}
