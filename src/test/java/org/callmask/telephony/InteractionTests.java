package org.callmask.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.callmask.support.Golden;
import org.callmask.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What routing records on a session: a call or text put through turns it {@code in-progress} and
 * restarts its sliding lifetime. Marks are written in the background a few times a second, so the
 * tests wait for them; a refusal writes nothing.
 */
class InteractionTests extends V1RoutingTest {

    private static final Duration FLUSH = Duration.ofSeconds(5);
    private static final Instant START = MutableClock.START;

    private String service;

    @BeforeEach
    void aService() {
        service = plainService("interactions");
        numbers(service, P1, P2, P3);
    }

    /** A session between Alice (on P1) and Bob (on P2) with a sliding lifetime; returns its id. */
    private String sessionWithTtl(long seconds) {
        return id(session(
                service,
                "{\"ttl\": " + seconds + ", \"participants\": [" + participant(ALICE, P1) + ", " + participant(BOB, P2)
                        + "]}"));
    }

    private String view(String session) {
        return getSession(service, session);
    }

    private static String status(String view) {
        return JsonPath.read(view, "$.status");
    }

    private static Instant time(String view, String field) {
        String text = JsonPath.read(view, "$." + field);
        return text == null ? null : Instant.parse(text);
    }

    @Test
    void aNewSessionIsOpenWithNoInteractionAndRoutesForItsTtl() {
        String session = sessionWithTtl(3600);

        String view = view(session);

        assertThat(status(view)).isEqualTo("open");
        assertThat(time(view, "last_interaction_at")).isNull();
        assertThat(time(view, "routes_until")).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void aRoutedCallTurnsTheSessionInProgressAndSlidesItsLifetime() {
        String session = sessionWithTtl(3600);
        clock.advance(Duration.ofMinutes(30));

        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));

        await().atMost(FLUSH).untilAsserted(() -> {
            String view = view(session);
            assertThat(status(view)).isEqualTo("in-progress");
            assertThat(time(view, "last_interaction_at")).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(time(view, "routes_until")).isEqualTo(START.plus(Duration.ofMinutes(90)));
        });
    }

    @Test
    void aRoutedTextMarksTheSessionToo() {
        String session = sessionWithTtl(600);
        clock.advance(Duration.ofSeconds(100));

        assertThat(message(text(BOB, P2, "Here"))).containsExactly(ALICE, P1, "Here");

        await().atMost(FLUSH).untilAsserted(() -> {
            String view = view(session);
            assertThat(status(view)).isEqualTo("in-progress");
            assertThat(time(view, "last_interaction_at")).isEqualTo(START.plusSeconds(100));
            assertThat(time(view, "routes_until")).isEqualTo(START.plusSeconds(700));
        });
    }

    @Test
    void aSlidLifetimeKeepsRoutingPastTheOriginalEnd() {
        String session = sessionWithTtl(3600);
        clock.advance(Duration.ofMinutes(30));
        call(ALICE, P1);
        await().atMost(FLUSH)
                .untilAsserted(() ->
                        assertThat(time(view(session), "routes_until")).isEqualTo(START.plus(Duration.ofMinutes(90))));

        clock.advance(Duration.ofMinutes(31));

        assertSwml(call(BOB, P2), plainConnect(P1, ALICE));
    }

    @Test
    void aSessionWithoutTtlRecordsTheInteractionButKeepsNoEnd() {
        String session = sessionWithTtl(0);
        assertThat(time(view(session), "routes_until")).isNull();
        clock.advance(Duration.ofDays(400));

        call(ALICE, P1);

        await().atMost(FLUSH).untilAsserted(() -> {
            String view = view(session);
            assertThat(status(view)).isEqualTo("in-progress");
            assertThat(time(view, "last_interaction_at")).isEqualTo(START.plus(Duration.ofDays(400)));
            assertThat(time(view, "routes_until")).isNull();
        });
    }

    @Test
    void slidingNeverCarriesASessionPastItsAbsoluteEnd() {
        String session = id(session(
                service,
                "{\"ttl\": 3600, \"expires_at\": \"" + START.plus(Duration.ofHours(2)) + "\", \"participants\": ["
                        + participant(ALICE, P1) + ", " + participant(BOB, P2) + "]}"));
        clock.advance(Duration.ofMinutes(50));
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));
        await().atMost(FLUSH)
                .untilAsserted(() ->
                        assertThat(time(view(session), "routes_until")).isEqualTo(START.plus(Duration.ofMinutes(110))));

        clock.advance(Duration.ofMinutes(50));
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));

        await().atMost(FLUSH).untilAsserted(() -> {
            String view = view(session);
            assertThat(time(view, "last_interaction_at")).isEqualTo(START.plus(Duration.ofMinutes(100)));
            assertThat(time(view, "routes_until")).isEqualTo(START.plus(Duration.ofHours(2)));
        });
        clock.advance(Duration.ofMinutes(20));
        assertRefused(call(ALICE, P1));
    }

    @Test
    void refusedCallsAndTextsChangeNothing() {
        String session = id(session(
                service,
                "{\"ttl\": 3600, \"mode\": \"voice-only\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}"));
        clock.advance(Duration.ofMinutes(10));
        String before = view(session);

        assertRefused(call(STRANGER, P1));
        assertRefused(call(ALICE, P2));
        Golden.assertMatches("voice-refusal.xml", formCall(STRANGER, P2).body());
        assertDropped(text(ALICE, P1, "Texts are not carried"));
        assertDropped(text(STRANGER, P1, "Hi"));

        // Longer than several flush intervals: nothing may be written in the meantime.
        await().during(Duration.ofMillis(1000))
                .atMost(FLUSH)
                .until(() -> view(session).equals(before));
        assertThat(status(before)).isEqualTo("open");
        assertThat(time(before, "last_interaction_at")).isNull();
        assertThat(time(before, "routes_until")).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void aCallForwardedOutOfSessionMarksNoSession() {
        String forwarding = service("""
                {"unique_name": "forwarding",
                 "out_of_session": {"call": {"action": "forward", "to": "%s"}}}
                """.formatted(SUPPORT));
        numbers(forwarding, "+15551260001", "+15551260002");
        String session = id(session(
                forwarding,
                "{\"ttl\": 3600, \"participants\": [" + participant(ALICE, "+15551260001") + ", "
                        + participant(BOB, "+15551260002") + "]}"));
        String before = getSession(forwarding, session);

        assertSwml(call(STRANGER, "+15551260001"), plainConnect("+15551260001", SUPPORT));

        await().during(Duration.ofMillis(1000))
                .atMost(FLUSH)
                .until(() -> getSession(forwarding, session).equals(before));
    }

    @Test
    void aSessionPastItsTtlStopsRoutingAtOnceBeforeAnySweep() {
        String session = sessionWithTtl(3600);
        clock.advance(Duration.ofSeconds(3599));
        String stillOpen = view(session);
        assertThat(status(stillOpen)).isEqualTo("open");

        clock.advance(Duration.ofSeconds(1));

        assertRefused(call(ALICE, P1));
        assertRefused(call(BOB, P2));
        Golden.assertMatches("voice-refusal.xml", formCall(ALICE, P1).body());
        assertDropped(text(ALICE, P1, "Hello?"));
        String view = view(session);
        assertThat(status(view)).isEqualTo("closed");
        assertThat(JsonPath.<String>read(view, "$.closed_reason")).isEqualTo("expired");
    }

    @Test
    void aSessionPastItsAbsoluteEndStopsRoutingAtOnce() {
        Instant end = START.plus(Duration.ofMinutes(5));
        id(session(
                service,
                "{\"ttl\": 0, \"expires_at\": \"" + end + "\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}"));
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));

        clock.advance(Duration.ofMillis(1));

        assertRefused(call(ALICE, P1));
        assertDropped(text(BOB, P2, "Hello?"));
    }

    @Test
    void aSlidLifetimeEndsTtlAfterTheLastInteraction() {
        String session = sessionWithTtl(60);
        clock.advance(Duration.ofSeconds(59));
        call(ALICE, P1);
        await().atMost(FLUSH)
                .untilAsserted(
                        () -> assertThat(time(view(session), "routes_until")).isEqualTo(START.plusSeconds(119)));

        clock.advance(Duration.ofSeconds(60));

        assertRefused(call(ALICE, P1));
        assertThat(status(view(session))).isEqualTo("closed");
    }

    @Test
    void theLongestTtlSlidesWithoutOverflowing() {
        long tenYears = Duration.ofDays(3650).toSeconds();
        String session = sessionWithTtl(tenYears);
        clock.advance(Duration.ofDays(1));

        assertSwml(call(ALICE, P1), plainConnect(P2, BOB));

        await().atMost(FLUSH)
                .untilAsserted(() ->
                        assertThat(time(view(session), "routes_until")).isEqualTo(START.plus(Duration.ofDays(3651))));
    }

    @Test
    void aSessionWithOnlyAnAbsoluteEndKeepsItAfterACall() {
        Instant end = START.plus(Duration.ofHours(1));
        String session = id(session(
                service,
                "{\"ttl\": 0, \"expires_at\": \"" + end + "\", \"participants\": [" + participant(ALICE, P1) + ", "
                        + participant(BOB, P2) + "]}"));
        clock.advance(Duration.ofMinutes(10));

        call(ALICE, P1);

        await().atMost(FLUSH).untilAsserted(() -> {
            String view = view(session);
            assertThat(time(view, "last_interaction_at")).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(time(view, "routes_until")).isEqualTo(end);
        });
    }

    @Test
    void aNewSessionOnTheProxyOfAnExpiredOneRoutesToTheNewPartner() {
        sessionWithTtl(60);
        clock.advance(Duration.ofSeconds(61));

        session(service, "{\"participants\": [" + participant(ALICE, P1) + ", " + participant(CAROL, P3) + "]}");

        assertSwml(call(ALICE, P1), plainConnect(P3, CAROL));
        assertRefused(call(BOB, P2));
    }
}
