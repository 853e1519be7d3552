package org.callmask.telephony;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callmask.outbound.OutboundAnswer;
import org.callmask.outbound.OutboundHttp;
import org.callmask.service.ServiceId;
import org.callmask.service.Services;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks a service's platform something while a webhook waits: a JSON POST signed with the service's secrets. */
@Component
class SignedRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundHttp http;
    private final Services services;
    private final Clock clock;

    SignedRequests(OutboundHttp http, Services services, Clock clock) {
        this.http = http;
        this.services = services;
        this.clock = clock;
    }

    /**
     * The secrets are read for each request, so a rotation signs with the new one at once.
     *
     * @throws RuntimeException when the secrets cannot be read (the service is gone, the database
     *     is unreachable)
     */
    OutboundAnswer post(ServiceId service, URI url, JsonNode body, Duration timeout) {
        List<String> secrets = services.callbackSecrets(service).signingAt(clock.instant());
        if (secrets.isEmpty()) {
            // An unsigned request would teach the platform to accept unsigned ones.
            return new OutboundAnswer.NotAnswered(OutboundAnswer.Failure.REFUSED, "the service has no callback secret");
        }
        return http.post(url, JSON.writeValueAsBytes(body), secrets, timeout);
    }
}
