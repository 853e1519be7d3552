package org.callmask.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;
import org.callmask.core.PhoneNumber;
import org.callmask.session.Mask;
import org.callmask.session.MaskStatus;
import org.callmask.session.Sessions;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Masks between a client and a contractor, as the seed exposed them. */
@RestController
@RequestMapping("/api/rest/numberMask")
class NumberMaskController {

    private final Sessions sessions;

    NumberMaskController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MaskView open(@RequestBody JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        // The seed checked the contractor first; clients may rely on which message comes back.
        PhoneNumber contractor = fields.phoneNumber("contractor_number");
        PhoneNumber client = fields.phoneNumber("client_number");
        var lifetime = fields.optionalLong("ttl_seconds").map(seconds -> {
            if (seconds < 1) {
                throw new InvalidRequest("ttl_seconds must be a positive number of seconds, was " + seconds);
            }
            return Duration.ofSeconds(seconds);
        });
        return MaskView.of(sessions.open(client, contractor, lifetime));
    }

    @GetMapping(path = "/{maskNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MaskView> list(@PathVariable String maskNumber) {
        return sessions.masksOn(SeedFormat.pathNumber(maskNumber)).stream().map(MaskView::of).toList();
    }

    @DeleteMapping(path = "/{maskNumber}", produces = MediaType.TEXT_PLAIN_VALUE)
    String delete(
            @PathVariable String maskNumber,
            @RequestParam(name = "client_number", required = false) String client,
            @RequestParam(name = "contractor_number", required = false) String contractor) {
        PhoneNumber mask = SeedFormat.pathNumber(maskNumber);
        if (client == null && contractor == null) {
            sessions.closeAll(mask);
        } else if (client == null || contractor == null) {
            throw new InvalidRequest("Give both client_number and contractor_number to delete one mask, or neither to delete all on "
                    + mask.e164());
        } else {
            sessions.close(mask, PhoneNumber.parse(client), PhoneNumber.parse(contractor));
        }
        return SeedFormat.OK;
    }

    /** A mask with the seed's six fields first, then {@code id} and {@code status}. */
    @JsonPropertyOrder({
        "client_number", "contractor_number", "mask_number", "created_at", "expires_at", "deleted", "id", "status"
    })
    record MaskView(
            @JsonProperty("client_number") String clientNumber,
            @JsonProperty("contractor_number") String contractorNumber,
            @JsonProperty("mask_number") String maskNumber,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("deleted") int deleted,
            @JsonProperty("id") long id,
            @JsonProperty("status") String status) {

        static MaskView of(Mask mask) {
            return new MaskView(
                    mask.client().e164(),
                    mask.contractor().e164(),
                    mask.maskNumber().e164(),
                    SeedFormat.time(mask.createdAt()),
                    SeedFormat.time(mask.expiresAt()),
                    mask.status() == MaskStatus.DELETED ? 1 : 0,
                    mask.id(),
                    mask.status().wireName());
        }
    }
}
