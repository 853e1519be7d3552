package org.callmask.interaction;

import java.util.Locale;

/** Who started a contact: a caller, reaching a webhook, or the platform, through the API. */
public enum Origin {
    /** A call or message that reached a proxy number. */
    WEBHOOK,
    /** A message or call the platform asked CallMask to start. */
    API;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Origin of(String wire) {
        return "api".equals(wire) ? API : WEBHOOK;
    }
}
