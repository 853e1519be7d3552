package org.callmask.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What callers hear when they are not put through and their number's service says nothing else.
 *
 * @param refusalMessage spoken, then the call hangs up, to a caller who is not a participant of an
 *     active mask on the number dialled; one line of plain text
 */
@ConfigurationProperties("callmask.telephony")
public record TelephonyProperties(
        @DefaultValue("Sorry, this number is not currently in service. Goodbye.")
        String refusalMessage) {

    public TelephonyProperties {
        if (refusalMessage == null || refusalMessage.isBlank()) {
            throw new IllegalArgumentException("callmask.telephony.refusal-message must not be empty");
        }
        if (refusalMessage.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("callmask.telephony.refusal-message must be one line of text");
        }
        if (refusalMessage.length() > 1000) {
            throw new IllegalArgumentException("callmask.telephony.refusal-message must be at most 1000 characters");
        }
    }
}
