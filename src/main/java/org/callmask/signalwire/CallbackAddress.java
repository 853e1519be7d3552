package org.callmask.signalwire;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.callmask.telephony.WebhookSecurityProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs under {@code CALLMASK_PUBLIC_URL} that SignalWire is given for a number's handlers and
 * for the status and answer callbacks of what CallMask sends. An API request's own address is no
 * guide: the platform may reach CallMask on an internal address SignalWire cannot.
 */
@Component
class CallbackAddress {

    private final WebhookSecurityProperties webhooks;
    private final SignalWireClient client;

    CallbackAddress(WebhookSecurityProperties webhooks, SignalWireClient client) {
        this.webhooks = webhooks;
        this.client = client;
    }

    /**
     * @throws SignalWireNotConfigured naming every setting still missing, SignalWire's and {@code
     *     CALLMASK_PUBLIC_URL}
     */
    void requireReady() {
        List<String> missing = new ArrayList<>();
        try {
            client.requireConfigured();
        } catch (SignalWireNotConfigured e) {
            missing.addAll(e.missing());
        }
        if (webhooks.publicUrl() == null) {
            missing.add("CALLMASK_PUBLIC_URL");
        }
        if (!missing.isEmpty()) {
            throw new SignalWireNotConfigured(missing);
        }
    }

    /** A route of CallMask's, such as {@code /calls/status/{token}}, under the public URL. */
    String of(String route, Object... variables) {
        requireReady();
        UriComponentsBuilder base = UriComponentsBuilder.fromUri(webhooks.publicUrl());
        String path = base.build().getPath();
        String prefix = path == null ? "" : path.replaceAll("/+$", "");
        return base.replacePath(prefix + route).buildAndExpand(variables).toUriString();
    }

    URI uri(String route, Object... variables) {
        return URI.create(of(route, variables));
    }
}
