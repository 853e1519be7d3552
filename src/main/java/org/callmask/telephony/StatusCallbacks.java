package org.callmask.telephony;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.callmask.interaction.InteractionStatus;
import org.callmask.interaction.StatusReport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SignalWire's status callbacks into reports: the SWML {@code connect} callbacks (JSON:
 * {@code calling.call.state} per leg state, {@code calling.call.connect} for the connection as a
 * whole, {@code calling.call.record} when a recording is ready) and the LaML ones (forms: a dialled
 * number's {@code CallStatus}, the {@code <Dial>} action's {@code DialCallStatus}, a message's
 * {@code MessageStatus}). Unknown values report nothing rather than fail: SignalWire adds states.
 */
final class StatusCallbacks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatusCallbacks() {}

    static StatusReport ofSwml(byte[] body, Instant at) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JacksonException e) {
            return nothing(at);
        }
        JsonNode params = event.path("params");
        return switch (event.path("event_type").asString("")) {
            case "calling.call.state" -> {
                String state = params.path("call_state").asString("");
                Optional<InteractionStatus> status = switch (state) {
                    case "ringing" -> Optional.of(InteractionStatus.RINGING);
                    case "answered" -> Optional.of(InteractionStatus.ANSWERED);
                    case "ended" -> Optional.of(InteractionStatus.ENDED);
                    default -> Optional.empty();
                };
                yield new StatusReport(
                        status,
                        at,
                        text(params.path("call_id")),
                        Optional.empty(),
                        state.equals("ended") ? text(params.path("end_reason")) : Optional.empty(),
                        Optional.empty());
            }
            case "calling.call.connect" -> {
                String state = params.path("connect_state").asString("");
                Optional<InteractionStatus> status = switch (state) {
                    case "connected" -> Optional.of(InteractionStatus.ANSWERED);
                    case "failed", "disconnected" -> Optional.of(InteractionStatus.ENDED);
                    default -> Optional.empty();
                };
                yield new StatusReport(
                        status,
                        at,
                        text(params.path("peer").path("call_id")),
                        Optional.empty(),
                        state.equals("failed") ? text(params.path("failed_reason")) : Optional.empty(),
                        Optional.empty());
            }
            case "calling.call.record" -> {
                JsonNode record = params.path("record");
                Optional<String> url = text(record.path("url")).or(() -> text(params.path("url")));
                yield new StatusReport(
                        Optional.empty(),
                        at,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        params.path("state").asString("").equals("finished")
                                ? url.filter(StatusCallbacks::isHttp)
                                : Optional.empty());
            }
            default -> nothing(at);
        };
    }

    static StatusReport ofLamlCall(FormFields form, Instant at) {
        boolean dial = form.first("DialCallStatus") != null;
        String state = lower(dial ? form.first("DialCallStatus") : form.first("CallStatus"));
        Optional<InteractionStatus> status = switch (state) {
            case "ringing" -> Optional.of(InteractionStatus.RINGING);
            case "in-progress", "answered" -> Optional.of(InteractionStatus.ANSWERED);
            case "completed", "busy", "no-answer", "failed", "canceled" -> Optional.of(InteractionStatus.ENDED);
            default -> Optional.empty();
        };
        boolean ended = status.equals(Optional.of(InteractionStatus.ENDED));
        return new StatusReport(
                status,
                at,
                ref(dial ? form.first("DialCallSid") : form.first("CallSid")),
                ended ? seconds(dial ? form.first("DialCallDuration") : form.first("CallDuration")) : Optional.empty(),
                ended ? Optional.of(state) : Optional.empty(),
                Optional.ofNullable(form.first("RecordingUrl")).filter(StatusCallbacks::isHttp));
    }

    static StatusReport ofLamlMessage(FormFields form, Instant at) {
        String state = lower(form.first("MessageStatus"));
        Optional<InteractionStatus> status = switch (state) {
            case "accepted", "queued", "sending" -> Optional.of(InteractionStatus.QUEUED);
            case "sent" -> Optional.of(InteractionStatus.SENT);
            case "delivered" -> Optional.of(InteractionStatus.DELIVERED);
            case "undelivered" -> Optional.of(InteractionStatus.UNDELIVERED);
            case "failed" -> Optional.of(InteractionStatus.FAILED);
            default -> Optional.empty();
        };
        return new StatusReport(
                status,
                at,
                ref(form.first("MessageSid")),
                Optional.empty(),
                ref(form.first("ErrorCode")),
                Optional.empty());
    }

    private static StatusReport nothing(Instant at) {
        return new StatusReport(
                Optional.empty(), at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() ? ref(node.asString()) : Optional.empty();
    }

    /**
     * An id or reason as SignalWire sends them (a call_id, CallSid, MessageSid, error code): short
     * and printable, or nothing. The inbound ids of the webhooks are read by the same rule.
     */
    static Optional<String> ref(String text) {
        return Optional.ofNullable(text)
                .map(String::strip)
                .filter(s -> !s.isEmpty() && s.length() <= 64 && s.chars().allMatch(c -> c > 0x20 && c < 0x7f));
    }

    private static Optional<Integer> seconds(String text) {
        try {
            int value = Integer.parseInt(String.valueOf(text).trim());
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String lower(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    /** SignalWire serves recordings over https only; anything else is not a recording of its. */
    private static boolean isHttp(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("https://")
                && url.length() <= 2048
                && url.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
