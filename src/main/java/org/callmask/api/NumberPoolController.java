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
import java.util.List;
import org.callmask.core.PhoneNumber;
import org.callmask.session.PoolUsage;
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

/** The pool of proxy numbers, as the seed exposed it. */
@RestController
@RequestMapping("/api/rest/numberPool")
@Tag(name = "Number pool", description = "The SignalWire numbers masks are allocated from")
class NumberPoolController {

    private final Sessions sessions;

    NumberPoolController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Operation(
            summary = "Add numbers to the pool",
            description = "Adds every number, or none if one is invalid. Numbers already in the pool are skipped; "
                    + "removed ones come back.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ApiDocs.AddNumbersRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Added",
            content = @Content(mediaType = "text/plain", schema = @Schema(example = "OK")))
    @ApiResponse(
            responseCode = "400",
            description = "Missing list, an unknown field, an invalid number (named), or a body that is not a JSON "
                    + "object",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "413",
            description = "Body over callmask.http.max-api-body",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "415",
            description = "Body is not application/json",
            content = @Content(mediaType = "text/plain"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    String add(@RequestBody JsonNode body) {
        sessions.addToPool(JsonFields.of(body, "phone_numbers").phoneNumberList("phone_numbers"));
        return SeedFormat.OK;
    }

    @Operation(
            summary = "List the pool",
            description = "Every number in the pool, in the order added, with how many " + "active masks use it.")
    @ApiResponse(
            responseCode = "200",
            description = "The pool",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = PoolNumberView.class))))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<PoolNumberView> list() {
        return sessions.poolUsage().stream().map(PoolNumberView::of).toList();
    }

    @Operation(
            summary = "Remove a number from the pool",
            description = "Refused while active masks use the number, unless force is true, which closes them first. "
                    + "Removing a number that is not in the pool succeeds and changes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "Removed, or was not in the pool",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "400",
            description = "Not an E.164 number, or force is not true/false",
            content = @Content(mediaType = "text/plain"))
    @ApiResponse(
            responseCode = "409",
            description = "Active masks use the number; the message says how many",
            content = @Content(mediaType = "text/plain"))
    @DeleteMapping(path = "/{number}", produces = MediaType.TEXT_PLAIN_VALUE)
    String remove(
            @Parameter(description = "The pool number, E.164 (+ raw or as %2B)", example = "+15551231111") @PathVariable
                    String number,
            @Parameter(description = "Close the active masks on the number first") @RequestParam(defaultValue = "false")
                    boolean force) {
        sessions.removeFromPool(PhoneNumber.parse(number), force);
        return SeedFormat.OK;
    }

    /**
     * @param inUse how many active masks use the number; 0 when free
     */
    @Schema(description = "A pool number")
    @JsonPropertyOrder({"phone_number", "in_use"})
    record PoolNumberView(
            @Schema(description = "The number, E.164", example = "+15551231111") @JsonProperty("phone_number")
            String phoneNumber,

            @Schema(description = "How many active masks use it; 0 when free", example = "0") @JsonProperty("in_use")
            int inUse) {

        static PoolNumberView of(PoolUsage usage) {
            return new PoolNumberView(usage.number().e164(), usage.activeMasks());
        }
    }
}
