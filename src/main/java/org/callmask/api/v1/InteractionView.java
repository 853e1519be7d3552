package org.callmask.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.callmask.interaction.Interaction;
import org.callmask.interaction.StatusChange;

@Schema(
        name = "Interaction",
        description = "A call or message that reached a proxy number: what CallMask did with it and what the "
                + "status callbacks reported. Participants appear by id only, never by number.")
record InteractionView(
        @Schema(description = "The interaction's id.", example = "int_5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b")
        @JsonProperty("id")
        String id,

        @Schema(
                description = "The service whose proxy number it reached.",
                example = "svc_375ba1fbe4191cab424594d69adf25bc")
        @JsonProperty("service_id")
        String serviceId,

        @Schema(
                description = "The session it went through; null for traffic outside any session.",
                nullable = true,
                example = "ses_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
        @JsonProperty("session_id")
        String sessionId,

        @Schema(
                description = "call or message.",
                allowableValues = {"call", "message"},
                example = "call")
        @JsonProperty("type")
        String type,

        @Schema(
                description = "The participant who called or texted; null when the caller was none.",
                nullable = true,
                example = "par_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")
        @JsonProperty("from_participant")
        String fromParticipant,

        @Schema(
                description = "The participant it was put through to; null when it was not.",
                nullable = true,
                example = "par_6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a")
        @JsonProperty("to_participant")
        String toParticipant,

        @Schema(description = "The proxy number it came in on.", example = "+14155550100") @JsonProperty("proxy_number")
        String proxyNumber,

        @Schema(
                description = "SignalWire's id for the inbound call (call_id or CallSid) or message (MessageSid).",
                nullable = true,
                example = "6e1c6b3e-2b1f-4f55-9a9b-0c8a3f2d1e77")
        @JsonProperty("inbound_ref")
        String inboundRef,

        @Schema(
                description = "SignalWire's id for the leg or message it created to reach the other participant, once "
                        + "a status callback has carried it.",
                nullable = true,
                example = "0c2a6f1e-5d4b-4c3a-8b2e-1f0e9d8c7b6a")
        @JsonProperty("outbound_ref")
        String outboundRef,

        @Schema(
                description = "connected: put through to the other participant; forwarded: put through to the "
                        + "service's forwarding number; refused: not put through (reason says why); blocked: refused "
                        + "by the service's intercept hook.",
                allowableValues = {"connected", "forwarded", "refused", "blocked"},
                example = "connected")
        @JsonProperty("outcome")
        String outcome,

        @Schema(
                description = "Why it was refused: no-route (the caller is in no session on the number), mode (the "
                        + "session's mode does not carry this kind of contact), alone (the other participant was "
                        + "removed); null when put through.",
                nullable = true,
                example = "no-route")
        @JsonProperty("reason")
        String reason,

        @Schema(
                description = "The furthest status reported: ringing, answered, ended for calls; queued, sent, "
                        + "delivered, undelivered, failed for messages; null before the first callback.",
                nullable = true,
                example = "ended")
        @JsonProperty("status")
        String status,

        @Schema(description = "Every status reported, each once, in the order they happened.")
        @JsonProperty("status_history")
        List<StatusView> statusHistory,

        @Schema(
                description = "How long the call lasted once answered, in seconds; null until it ended.",
                nullable = true,
                example = "184")
        @JsonProperty("duration_seconds")
        Integer durationSeconds,

        @Schema(
                description = "Why a call ended, or a message's error code, as SignalWire reported it.",
                nullable = true,
                example = "hangup")
        @JsonProperty("end_reason")
        String endReason,

        @Schema(
                description = "Where SignalWire keeps the call's recording, when the service records calls.",
                nullable = true,
                example = "https://example.signalwire.com/api/v1/recordings/4f1c/download")
        @JsonProperty("recording_url")
        String recordingUrl,

        @Schema(
                description = "The message's text; null unless callmask.interactions.store-content is on.",
                nullable = true,
                example = "I'm at the door")
        @JsonProperty("body")
        String body,

        @Schema(
                description = "The message's media URLs; empty unless callmask.interactions.store-content is on.",
                example = "[\"https://example.signalwire.com/media/1.jpg\"]")
        @JsonProperty("media_urls")
        List<String> mediaUrls,

        @Schema(description = "When the webhook received it.", example = "2026-12-01T09:31:00Z")
        @JsonProperty("created_at")
        Instant createdAt,

        @Schema(description = "When a status callback last changed it.", example = "2026-12-01T09:34:04Z")
        @JsonProperty("updated_at")
        Instant updatedAt,

        @Schema(
                description = "webhook: a participant called or texted a proxy number; api: the platform asked "
                        + "CallMask to send the message or start the call (POST …/messages, POST …/calls). An api "
                        + "message has no from_participant.",
                allowableValues = {"webhook", "api"},
                example = "webhook")
        @JsonProperty("origin")
        String origin) {

    static InteractionView of(Interaction i) {
        return new InteractionView(
                i.id().value(),
                i.service().value(),
                i.sessionId() == null ? null : i.sessionId().value(),
                i.type().wire(),
                i.from() == null ? null : i.from().value(),
                i.to() == null ? null : i.to().value(),
                i.proxyNumber().e164(),
                i.inboundRef(),
                i.outboundRef(),
                i.outcome().wire(),
                i.reason(),
                i.status() == null ? null : i.status().wire(),
                i.statusHistory().stream().map(StatusView::of).toList(),
                i.durationSeconds(),
                i.endReason(),
                i.recordingUrl(),
                i.body(),
                i.mediaUrls(),
                i.createdAt(),
                i.updatedAt(),
                i.origin().wire());
    }

    @Schema(name = "InteractionStatus", description = "A status an interaction reached.")
    record StatusView(
            @Schema(description = "The status.", example = "answered") @JsonProperty("status")
            String status,

            @Schema(description = "When its callback was received.", example = "2026-12-01T09:31:07Z")
            @JsonProperty("at")
            Instant at) {

        static StatusView of(StatusChange change) {
            return new StatusView(change.status(), change.at());
        }
    }
}
