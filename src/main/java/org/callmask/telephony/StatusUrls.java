package org.callmask.telephony;

import jakarta.servlet.http.HttpServletRequest;
import org.callmask.interaction.Recorded;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute URLs SignalWire is told to send an interaction's status callbacks to: under the
 * configured public address, or, without one, under the address the webhook itself was called at
 * (the same choice the signature check makes).
 */
@Component
class StatusUrls {

    private final WebhookSecurityProperties properties;

    StatusUrls(WebhookSecurityProperties properties) {
        this.properties = properties;
    }

    String forCall(HttpServletRequest request, Recorded recorded) {
        return url(request, WebhookRoutes.CALL_STATUS, recorded);
    }

    String forMessage(HttpServletRequest request, Recorded recorded) {
        return url(request, WebhookRoutes.TEXT_STATUS, recorded);
    }

    private String url(HttpServletRequest request, String route, Recorded recorded) {
        UriComponentsBuilder base = properties.publicUrl() == null
                ? UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                        .replacePath(request.getContextPath())
                        .replaceQuery(null)
                : UriComponentsBuilder.fromUri(properties.publicUrl());
        String path = base.build().getPath();
        String prefix = path == null ? "" : path.replaceAll("/+$", "");
        return base.replacePath(prefix + route).buildAndExpand(recorded.token()).toUriString();
    }
}
