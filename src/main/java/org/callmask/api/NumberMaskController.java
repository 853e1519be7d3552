package org.callmask.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
@Tag(name = "Masks", description = "Links between a client and a contractor through a pool number")
class NumberMaskController {

    private static final String CLIENT = "client_number";
    private static final String CONTRACTOR = "contractor_number";
    private static final String TTL = "ttl_seconds";

    private final Sessions sessions;

    NumberMaskController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Operation(
            summary = "Open a mask",
            description = "Links a client and a contractor through a pool number that neither already uses in another "
                    + "active mask: the number they had before if it is free, else the least-loaded one. If the pair "
                    + "already has an active mask, that mask is returned unchanged.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ApiDocs.OpenMaskRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The mask, new or already open",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MaskView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A missing, unknown or invalid field, the same number on both sides, or "
                    + "'There are no usable numbers in the pool.  Please add numbers, or remove unused masks.'",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "415",
            description = "Body is not application/json",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "503",
            description = "Too much contention or the database is unavailable; retry",
            content = @Content(mediaType = "text/plain"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MaskView open(@RequestBody JsonNode body) {
        JsonFields fields = JsonFields.of(body, CLIENT, CONTRACTOR, TTL);
        // The seed checked the contractor first; clients may rely on which message comes back.
        fields.require(CONTRACTOR, CLIENT);
        PhoneNumber contractor = fields.phoneNumber(CONTRACTOR);
        PhoneNumber client = fields.phoneNumber(CLIENT);
        Optional<Duration> lifetime = fields.optionalSeconds(TTL);
        return MaskView.of(sessions.open(client, contractor, lifetime));
    }

    @Operation(
            summary = "List the masks on a number",
            description =
                    "Active and expired masks on the pool number (status says which), oldest first. Deleted masks "
                            + "are not listed; expired ones are kept until callmask.retention.closed-sessions has passed.")
    @ApiResponse(
            responseCode = "200",
            description = "The masks; [] when none",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = MaskView.class))))
    @ApiResponse(
            responseCode = "400",
            description = "Not an E.164 number",
            content = @Content(mediaType = "text/plain"))
    @GetMapping(path = "/{maskNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MaskView> list(
            @Parameter(description = "The pool number, E.164 (+ raw or as %2B)", example = "+15551231111") @PathVariable
                    String maskNumber) {
        return sessions.masksOn(PhoneNumber.parse(maskNumber)).stream()
                .map(MaskView::of)
                .toList();
    }

    @Operation(
            summary = "Delete masks on a number",
            description = "Closes every active mask on the number, or only the named pair's, and frees the number for "
                    + "their participants at once.")
    @ApiResponse(
            responseCode = "200",
            description = "Deleted, or there was nothing to delete",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "400",
            description = "Not an E.164 number (in a query string, + must be written %2B), or only one of "
                    + "client_number and contractor_number",
            content = @Content(mediaType = "text/plain"))
    @DeleteMapping(path = "/{maskNumber}", produces = MediaType.TEXT_PLAIN_VALUE)
    String delete(
            @Parameter(description = "The pool number, E.164 (+ raw or as %2B)", example = "+15551231111") @PathVariable
                    String maskNumber,
            @Parameter(description = "With contractor_number: delete only this pair's mask")
                    @RequestParam(name = "client_number", required = false)
                    String client,
            @Parameter(description = "With client_number: delete only this pair's mask")
                    @RequestParam(name = "contractor_number", required = false)
                    String contractor) {
        PhoneNumber mask = PhoneNumber.parse(maskNumber);
        if (client == null && contractor == null) {
            sessions.closeAll(mask);
        } else if (client == null || contractor == null) {
            throw new InvalidRequest(
                    "Give both client_number and contractor_number to delete one mask, or neither to delete all on "
                            + mask.e164());
        } else {
            sessions.close(mask, QueryNumbers.parse(CLIENT, client), QueryNumbers.parse(CONTRACTOR, contractor));
        }
        return SeedFormat.OK;
    }

    /** A mask with the seed's six fields first, then {@code id} and {@code status}. */
    @Schema(description = "A mask")
    @JsonPropertyOrder({
        "client_number",
        "contractor_number",
        "mask_number",
        "created_at",
        "expires_at",
        "deleted",
        "id",
        "status"
    })
    record MaskView(
            @Schema(description = "The client's real number", example = "+15559990000") @JsonProperty("client_number")
            String clientNumber,

            @Schema(description = "The contractor's real number", example = "+15558001234")
            @JsonProperty("contractor_number")
            String contractorNumber,

            @Schema(description = "The pool number both call and text", example = "+15551231111")
            @JsonProperty("mask_number")
            String maskNumber,

            @Schema(description = "UTC, YYYY-MM-DD HH:MM:SS", example = "2024-04-03 19:25:31")
            @JsonProperty("created_at")
            String createdAt,

            @Schema(description = "UTC, YYYY-MM-DD HH:MM:SS", example = "2024-04-04 19:25:31")
            @JsonProperty("expires_at")
            String expiresAt,

            @Schema(description = "1 for a deleted mask, else 0", example = "0") @JsonProperty("deleted")
            int deleted,

            @Schema(description = "The mask's id", example = "1") @JsonProperty("id")
            long id,

            @Schema(
                    description = "active, expired or deleted",
                    allowableValues = {"active", "expired", "deleted"})
            @JsonProperty("status")
            String status) {

        static MaskView of(Mask mask) {
            return new MaskView(
                    mask.client().e164(),
                    mask.contractor().e164(),
                    mask.maskNumber().e164(),
                    SeedFormat.time(mask.createdAt()),
                    SeedFormat.time(mask.expiresAt()),
                    mask.status() == MaskStatus.DELETED ? 1 : 0,
                    mask.id().value(),
                    mask.status().wireName());
        }
    }
}
