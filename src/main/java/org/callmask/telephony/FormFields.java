package org.callmask.telephony;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} text, decoded, in the order sent and
 * with repeated names kept: the signature SignalWire puts on a LaML request covers exactly these.
 */
record FormFields(List<Map.Entry<String, String>> fields) {

    FormFields {
        fields = List.copyOf(fields);
    }

    static FormFields parse(String encoded) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return new FormFields(fields);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.add(Map.entry(decode(name), decode(value)));
        }
        return new FormFields(fields);
    }

    /**
     * The fields a webhook body carries: a form's, or none for a body of any other kind, which is
     * never read as a form whatever it looks like.
     */
    static FormFields of(WebhookBody kind, byte[] body) {
        return kind == WebhookBody.FORM ? parse(new String(body, StandardCharsets.UTF_8)) : parse(null);
    }

    /** The first value sent under {@code name}, or {@code null}. */
    String first(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equals(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape: keep the text as sent rather than reject the whole message.
            return text;
        }
    }
}
