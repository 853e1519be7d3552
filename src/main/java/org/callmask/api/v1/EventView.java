package org.callmask.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.callmask.events.EventStatus;
import org.callmask.events.OutboxEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Schema(name = "Event", description = "An event sent to the platform's callback URL, and how its delivery stands.")
record EventView(
        @Schema(
                description = "The event's id; the id field of the body delivered.",
                example = "evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9")
        @JsonProperty("id")
        String id,

        @Schema(
                description = "What happened.",
                allowableValues = {
                    "session.created",
                    "session.updated",
                    "session.closed",
                    "participant.added",
                    "participant.removed",
                    "interaction.created",
                    "interaction.updated",
                    "pool.exhausted",
                    "pool.low",
                    "pool.number_bought"
                },
                example = "session.closed")
        @JsonProperty("type")
        String type,

        @Schema(
                description = "The session it tells of; its events are delivered in order. Null for pool events.",
                nullable = true,
                example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
        @JsonProperty("session_id")
        String sessionId,

        @Schema(
                description = "pending: not delivered yet; delivered: the platform answered 2xx; failed: retried "
                        + "until callmask.events.retry-for ran out.",
                allowableValues = {"pending", "delivered", "failed"},
                example = "delivered")
        @JsonProperty("status")
        String status,

        @Schema(description = "Delivery attempts made.", example = "1") @JsonProperty("attempts")
        int attempts,

        @Schema(
                description = "When a pending event is tried next; null once delivered or failed.",
                nullable = true,
                example = "2026-12-01T09:30:02Z")
        @JsonProperty("next_attempt_at")
        Instant nextAttemptAt,

        @Schema(
                description = "Why the last attempt failed: an HTTP status, a timeout or a refused address.",
                nullable = true,
                example = "HTTP 503")
        @JsonProperty("last_error")
        String lastError,

        @Schema(
                description = "The body delivered: id, type, created_at, service_id and data.",
                implementation = Object.class,
                types = {"object"},
                example = "{\"id\": \"evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9\", \"type\": \"session.closed\", "
                        + "\"created_at\": \"2026-12-01T09:30:00Z\", \"service_id\": "
                        + "\"svc_3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7c\", \"data\": {\"session_id\": "
                        + "\"ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d\", \"closed_reason\": \"expired\"}}")
        @JsonProperty("payload")
        JsonNode payload,

        @Schema(description = "When it was written.", example = "2026-12-01T09:30:00Z") @JsonProperty("created_at")
        Instant createdAt,

        @Schema(description = "When its delivery state last changed.", example = "2026-12-01T09:30:01Z")
        @JsonProperty("updated_at")
        Instant updatedAt,

        @Schema(
                description = "When the platform accepted it; null until then.",
                nullable = true,
                example = "2026-12-01T09:30:01Z")
        @JsonProperty("delivered_at")
        Instant deliveredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static EventView of(OutboxEvent event) {
        boolean pending = event.status() == EventStatus.PENDING;
        return new EventView(
                event.id().value(),
                event.type(),
                event.sessionId(),
                event.status().wire(),
                event.attempts(),
                pending ? event.nextAttemptAt() : null,
                event.lastError(),
                JSON.readTree(event.payload()),
                event.createdAt(),
                event.updatedAt(),
                event.deliveredAt());
    }
}
