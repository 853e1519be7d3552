package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callmask.api.v1.V1Client.created;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.noContent;
import static org.callmask.api.v1.V1Client.numberPath;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.participants;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.sessionPath;
import static org.callmask.api.v1.V1Client.sessionsPath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsApiTests extends IntegrationTest {

    private static final String P1 = "+15551230001";
    private static final String P2 = "+15551230002";
    private static final String P3 = "+15551230003";
    private static final String A = "+15559990001";
    private static final String B = "+15559990002";
    private static final String C = "+15559990003";
    private static final String D = "+15559990004";

    private V1Client api;
    private String service;

    @BeforeEach
    void aServiceWithNumbers() {
        api = new V1Client(http);
        service = api.service("deliveries");
        api.numbers(service, P1, P2, P3);
    }

    @Test
    void opensASessionWithoutParticipantsOnTheServicesDefaults() {
        DocumentContext session = created(api.post(sessionsPath(service), "{}"));

        assertThat(session.<String>read("$.id")).matches("ses_[0-9a-f]{32}");
        assertThat(session.<String>read("$.service_id")).isEqualTo(service);
        assertThat(session.<String>read("$.unique_name")).isNull();
        assertThat(session.<String>read("$.mode")).isEqualTo("voice-and-message");
        assertThat(session.<String>read("$.status")).isEqualTo("open");
        assertThat(session.<String>read("$.closed_reason")).isNull();
        assertThat(session.<Integer>read("$.ttl")).isEqualTo(86_400);
        assertThat(session.<String>read("$.expires_at")).isNull();
        assertThat(instant(session, "$.routes_until")).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(session.<Object>read("$.metadata")).isNull();
        assertThat(session.<Object>read("$.voice")).isNull();
        assertThat(instant(session, "$.created_at")).isEqualTo(clock.instant());
        assertThat(instant(session, "$.updated_at")).isEqualTo(clock.instant());
        assertThat(session.<String>read("$.last_interaction_at")).isNull();
        assertThat(session.<String>read("$.closed_at")).isNull();
        assertThat(session.<List<Object>>read("$.participants")).isEmpty();
        assertThat(api.session(service, session).jsonString()).isEqualTo(session.jsonString());
    }

    @Test
    void opensASessionWithOneParticipantWhoGetsAProxyNumberOfThePool() {
        DocumentContext session =
                api.session(service, "{\"participants\": [{\"number\": \"" + A + "\", \"name\": \"courier\"}]}");

        assertThat(session.<List<Object>>read("$.participants")).hasSize(1);
        assertThat(session.<String>read("$.participants[0].id")).matches("par_[0-9a-f]{32}");
        assertThat(session.<String>read("$.participants[0].session_id")).isEqualTo(session.<String>read("$.id"));
        assertThat(session.<String>read("$.participants[0].number")).isEqualTo(A);
        assertThat(session.<String>read("$.participants[0].name")).isEqualTo("courier");
        assertThat(session.<String>read("$.participants[0].proxy_number")).isIn(P1, P2, P3);
        assertThat(instant(session, "$.participants[0].created_at")).isEqualTo(clock.instant());
        assertThat(session.<String>read("$.participants[0].removed_at")).isNull();
        assertThat(inUse(session.read("$.participants[0].proxy_number"))).isEqualTo(1);
    }

    @Test
    void givesEachOfTwoParticipantsItsOwnProxyNumber() {
        DocumentContext session = api.sessionBetween(service, A, B);

        assertThat(session.<List<String>>read("$.participants[*].number")).containsExactly(A, B);
        List<String> proxies = session.read("$.participants[*].proxy_number");
        assertThat(proxies).hasSize(2).allSatisfy(p -> assertThat(p).isIn(P1, P2, P3));
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isEqualTo(2);

        // Asked for by number, each gets the one asked for: A one it does not have yet, C any.
        String otherForA = Stream.of(P1, P2, P3)
                .filter(p -> !p.equals(proxies.get(0)))
                .findFirst()
                .orElseThrow();
        DocumentContext asked = api.session(
                service,
                "{\"participants\": [{\"number\": \"" + A + "\", \"proxy_number\": \"" + otherForA + "\"},"
                        + " {\"number\": \"" + C + "\", \"proxy_number\": \"" + P3 + "\"}]}");

        assertThat(asked.<List<String>>read("$.participants[*].proxy_number")).containsExactly(otherForA, P3);
    }

    @Test
    void answersTheOpenSessionWithTheSameUniqueNameAndParticipantsInsteadOfOpeningAnother() {
        DocumentContext first =
                api.session(service, "{\"unique_name\": \"order-1\", \"participants\": " + participants(A, B) + "}");

        DocumentContext again = ok(api.post(
                sessionsPath(service), "{\"unique_name\": \"order-1\", \"participants\": " + participants(B, A) + "}"));

        assertThat(again.<String>read("$.id")).isEqualTo(first.<String>read("$.id"));
        assertThat(again.<String>read("$.unique_name")).isEqualTo("order-1");
        assertThat(proxies(again)).isEqualTo(proxies(first));
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isEqualTo(2);
    }

    @Test
    void refusesAUniqueNameAnOpenSessionHasWithOtherParticipantsButFreesItWhenThatSessionCloses() {
        DocumentContext first =
                api.session(service, "{\"unique_name\": \"order-2\", \"participants\": " + participants(A, B) + "}");

        problem(
                api.post(
                        sessionsPath(service),
                        "{\"unique_name\": \"order-2\", \"participants\": " + participants(A, C) + "}"),
                409,
                "unique-name-taken");
        problem(
                api.post(
                        sessionsPath(service),
                        "{\"unique_name\": \"order-2\", \"participants\": " + participants(A) + "}"),
                409,
                "unique-name-taken");

        noContent(api.delete(sessionPath(service, first.read("$.id"))));
        DocumentContext next =
                api.session(service, "{\"unique_name\": \"order-2\", \"participants\": " + participants(A, C) + "}");
        assertThat(next.<String>read("$.id")).isNotEqualTo(first.<String>read("$.id"));
        // Another service's sessions have names of their own.
        String other = api.service("rides");
        api.numbers(other, "+15551230009");
        assertThat(api.session(other, "{\"unique_name\": \"order-2\", \"participants\": " + participants(B) + "}")
                        .<String>read("$.unique_name"))
                .isEqualTo("order-2");
    }

    @Test
    void slidesTheEndOfASessionWithATtlAndClosesItAsExpiredOncePast() {
        DocumentContext session = api.session(service, "{\"ttl\": 600, \"participants\": " + participants(A, B) + "}");

        assertThat(session.<Integer>read("$.ttl")).isEqualTo(600);
        assertThat(session.<String>read("$.expires_at")).isNull();
        assertThat(instant(session, "$.routes_until")).isEqualTo(clock.instant().plusSeconds(600));

        clock.advance(Duration.ofSeconds(599));
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("open");
        clock.advance(Duration.ofSeconds(1));

        DocumentContext expired = api.session(service, session);
        assertThat(expired.<String>read("$.status")).isEqualTo("closed");
        assertThat(expired.<String>read("$.closed_reason")).isEqualTo("expired");
        assertThat(instant(expired, "$.closed_at")).isEqualTo(instant(session, "$.routes_until"));
        assertThat(expired.<String>read("$.routes_until")).isNull();
    }

    @Test
    void endsASessionAtItsExpiresAtOrItsTtlWhicheverComesFirst() {
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));

        DocumentContext fixed =
                api.session(service, "{\"ttl\": 0, \"expires_at\": \"" + inAnHour + "\", " + alone(A) + "}");
        DocumentContext both =
                api.session(service, "{\"ttl\": 7200, \"expires_at\": \"" + inAnHour + "\", " + alone(B) + "}");
        DocumentContext shorter =
                api.session(service, "{\"ttl\": 60, \"expires_at\": \"" + inAnHour + "\", " + alone(C) + "}");
        DocumentContext endless = api.session(service, "{\"ttl\": 0, " + alone(D) + "}");

        assertThat(fixed.<Integer>read("$.ttl")).isNull();
        assertThat(instant(fixed, "$.expires_at")).isEqualTo(inAnHour);
        assertThat(instant(fixed, "$.routes_until")).isEqualTo(inAnHour);
        assertThat(both.<Integer>read("$.ttl")).isEqualTo(7200);
        assertThat(instant(both, "$.routes_until")).isEqualTo(inAnHour);
        assertThat(instant(shorter, "$.routes_until")).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(endless.<Integer>read("$.ttl")).isNull();
        assertThat(endless.<String>read("$.routes_until")).isNull();

        clock.advance(Duration.ofHours(1));

        assertThat(api.session(service, fixed).<String>read("$.closed_reason")).isEqualTo("expired");
        assertThat(api.session(service, both).<String>read("$.status")).isEqualTo("closed");
        assertThat(api.session(service, endless).<String>read("$.status")).isEqualTo("open");
    }

    @Test
    void refusesAnExpiresAtThatIsNotInTheFuture() {
        assertThat(invalid(api.post(
                        sessionsPath(service), "{\"expires_at\": \"" + clock.instant() + "\", " + alone(A) + "}")))
                .containsExactly("expires_at");
        assertThat(invalid(api.post(
                        sessionsPath(service),
                        "{\"expires_at\": \"" + clock.instant().minusSeconds(1) + "\", " + alone(A) + "}")))
                .containsExactly("expires_at");
        assertThat(invalid(api.post(sessionsPath(service), "{\"expires_at\": \"tomorrow\"}")))
                .containsExactly("expires_at");
        assertThat(ok(api.get(sessionsPath(service))).<List<Object>>read("$.items"))
                .isEmpty();
    }

    @Test
    void keepsTheMetadataObjectAsGiven() {
        DocumentContext session = api.session(service, """
                {"metadata": {"order": {"id": 1234, "items": ["soup", "bread"], "paid": true},
                              "note": "ring twice, ünïcode", "tip": null},
                 "participants": [{"number": "+15559990001"}]}
                """);

        Map<String, Object> expected = Map.of("id", 1234, "items", List.of("soup", "bread"), "paid", true);
        assertThat(session.<Map<String, Object>>read("$.metadata.order")).isEqualTo(expected);
        assertThat(session.<String>read("$.metadata.note")).isEqualTo("ring twice, ünïcode");
        assertThat(session.<Map<String, Object>>read("$.metadata")).containsKey("tip");
        assertThat(api.session(service, session).<Map<String, Object>>read("$.metadata.order"))
                .isEqualTo(expected);
    }

    @Test
    void refusesMetadataOver4096BytesOrThatIsNotAnObject() {
        // {"k":"…"} is 8 bytes around the value.
        String fits = "{" + alone(A) + ", \"metadata\": {\"k\": \"" + "x".repeat(4096 - 8) + "\"}}";
        String tooBig = "{" + alone(B) + ", \"metadata\": {\"k\": \"" + "x".repeat(4096 - 7) + "\"}}";

        assertThat(api.session(service, fits).<String>read("$.metadata.k")).hasSize(4088);
        assertThat(invalid(api.post(sessionsPath(service), tooBig))).containsExactly("metadata");
        assertThat(invalid(api.post(sessionsPath(service), "{\"metadata\": [1, 2]}")))
                .containsExactly("metadata");
        assertThat(invalid(api.post(sessionsPath(service), "{\"metadata\": \"order-1\"}")))
                .containsExactly("metadata");
    }

    @Test
    void listsSessionsByEveryFilterAPageAtATime() {
        Instant t0 = clock.instant();
        DocumentContext ab = api.sessionBetween(service, A, B);
        clock.advance(Duration.ofSeconds(1));
        DocumentContext ac = api.sessionBetween(service, A, C);
        clock.advance(Duration.ofSeconds(1));
        DocumentContext bc = api.sessionBetween(service, B, C);
        ok(api.patch(sessionPath(service, bc.read("$.id")), "{\"status\": \"closed\"}"));
        clock.advance(Duration.ofSeconds(1));
        DocumentContext named = api.session(service, "{\"unique_name\": \"order-3\", " + alone(D) + "}");
        String acProxyOfA = ac.read("$.participants[0].proxy_number");
        inProgress(ac, A, acProxyOfA);

        assertThat(ids("status=open")).containsExactly(id(ab), id(named));
        assertThat(ids("status=in-progress")).containsExactly(id(ac));
        assertThat(ids("status=closed")).containsExactly(id(bc));
        assertThat(ids("participant=" + A)).containsExactly(id(ab), id(ac));
        assertThat(ids("participant=" + C)).containsExactly(id(ac), id(bc));
        assertThat(ids("participant=" + C + "&status=closed")).containsExactly(id(bc));
        assertThat(ids("proxy_number=" + acProxyOfA)).contains(id(ac));
        assertThat(ids("unique_name=order-3")).containsExactly(id(named));
        assertThat(ids("created_after=" + t0.plusSeconds(1))).containsExactly(id(bc), id(named));
        assertThat(ids("created_before=" + t0.plusSeconds(2))).containsExactly(id(ab), id(ac));
        assertThat(ids("created_after=" + t0 + "&created_before=" + t0.plusSeconds(3)))
                .containsExactly(id(ac), id(bc));
        assertThat(ids("")).containsExactly(id(ab), id(ac), id(bc), id(named));
        assertThat(ids("participant=+15559990404")).isEmpty();
    }

    @Test
    void filtersByProxyNumberOverTheSessionsOfEitherParticipant() {
        DocumentContext ab = api.session(
                service,
                "{\"participants\": [{\"number\": \"" + A + "\", \"proxy_number\": \"" + P1 + "\"},"
                        + " {\"number\": \"" + B + "\", \"proxy_number\": \"" + P2 + "\"}]}");
        clock.advance(Duration.ofMillis(1));
        DocumentContext c = api.session(
                service, "{\"participants\": [{\"number\": \"" + C + "\", \"proxy_number\": \"" + P2 + "\"}]}");

        assertThat(ids("proxy_number=" + P1)).containsExactly(id(ab));
        assertThat(ids("proxy_number=" + P2)).containsExactly(id(ab), id(c));
        assertThat(ids("proxy_number=" + P3)).isEmpty();
    }

    @Test
    void refusesFiltersThatCannotBeRead() {
        assertThat(invalid(api.get(sessionsPath(service) + "?status=active"))).containsExactly("status");
        assertThat(invalid(api.get(sessionsPath(service) + "?participant=someone")))
                .containsExactly("participant");
        assertThat(invalid(api.get(sessionsPath(service) + "?proxy_number=12"))).containsExactly("proxy_number");
        assertThat(invalid(api.get(sessionsPath(service) + "?created_after=yesterday")))
                .containsExactly("created_after");
        assertThat(invalid(api.get(sessionsPath(service) + "?created_before=2024-04-03")))
                .containsExactly("created_before");
        assertThat(invalid(api.get(sessionsPath(service) + "?page_token=nonsense")))
                .containsExactly("page_token");
    }

    @Test
    void closesASessionThroughPatchAndFreesItsProxyNumbers() {
        DocumentContext session = api.sessionBetween(service, A, B);
        clock.advance(Duration.ofSeconds(30));

        DocumentContext closed = ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"closed\"}"));

        assertThat(closed.<String>read("$.status")).isEqualTo("closed");
        assertThat(closed.<String>read("$.closed_reason")).isEqualTo("api");
        assertThat(instant(closed, "$.closed_at")).isEqualTo(clock.instant());
        assertThat(closed.<String>read("$.routes_until")).isNull();
        assertThat(proxies(closed)).isEqualTo(proxies(session));
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isZero();
        assertThat(api.session(service, session).jsonString()).isEqualTo(closed.jsonString());
    }

    @Test
    void reopensAClosedSessionWithItsParticipantsProxyNumbers() {
        DocumentContext session = api.session(service, "{\"ttl\": 600, \"participants\": " + participants(A, B) + "}");
        ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"closed\"}"));
        clock.advance(Duration.ofMinutes(30));

        DocumentContext reopened = ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"open\"}"));

        assertThat(reopened.<String>read("$.status")).isEqualTo("open");
        assertThat(reopened.<String>read("$.closed_reason")).isNull();
        assertThat(reopened.<String>read("$.closed_at")).isNull();
        assertThat(instant(reopened, "$.routes_until"))
                .isEqualTo(clock.instant().plusSeconds(600));
        assertThat(proxies(reopened)).isEqualTo(proxies(session));
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isEqualTo(2);
    }

    @Test
    void reopensAnExpiredSession() {
        DocumentContext session = api.session(service, "{\"ttl\": 60, \"participants\": " + participants(A, B) + "}");
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("closed");

        DocumentContext reopened = ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"open\"}"));

        assertThat(reopened.<String>read("$.status")).isEqualTo("open");
        assertThat(instant(reopened, "$.routes_until"))
                .isEqualTo(clock.instant().plusSeconds(60));
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isEqualTo(2);
    }

    @Test
    void givesAReopenedParticipantAnotherProxyWhenItsOwnWasTakenMeanwhile() {
        DocumentContext session = api.session(
                service,
                "{\"participants\": [{\"number\": \"" + A + "\", \"proxy_number\": \"" + P1 + "\"},"
                        + " {\"number\": \"" + B + "\", \"proxy_number\": \"" + P2 + "\"}]}");
        ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"closed\"}"));
        // A now has P1 with someone else, so the re-opened session cannot give it P1 back.
        api.session(service, "{\"participants\": [{\"number\": \"" + A + "\", \"proxy_number\": \"" + P1 + "\"}]}");

        DocumentContext reopened = ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"open\"}"));

        assertThat(proxies(reopened).get(A)).isIn(P2, P3);
        assertThat(proxies(reopened).get(B)).isEqualTo(P2);
    }

    @Test
    void refusesToReopenWhenAParticipantCanBeGivenNoProxyNumber() {
        String small = api.service("small");
        api.numbers(small, "+15551230008");
        DocumentContext session = api.sessionBetween(small, A, B);
        ok(api.patch(sessionPath(small, id(session)), "{\"status\": \"closed\"}"));
        api.sessionBetween(small, A, C);

        problem(api.patch(sessionPath(small, id(session)), "{\"status\": \"open\"}"), 409, "all-numbers-paired");

        DocumentContext still = api.session(small, session);
        assertThat(still.<String>read("$.status")).isEqualTo("closed");
        assertThat(still.<String>read("$.closed_reason")).isEqualTo("api");
        assertThat(ok(api.get(numberPath(small, "+15551230008"))).<Integer>read("$.in_use"))
                .isEqualTo(2);
    }

    @Test
    void changesTheTtlAndTheExpiresAtInPlace() {
        DocumentContext session = api.session(service, "{\"ttl\": 600, " + alone(A) + "}");
        Instant opened = clock.instant();
        Instant inAnHour = opened.plus(Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(100));

        DocumentContext ttl = ok(api.patch(sessionPath(service, id(session)), "{\"ttl\": 3600}"));
        assertThat(ttl.<Integer>read("$.ttl")).isEqualTo(3600);
        assertThat(instant(ttl, "$.routes_until")).isEqualTo(opened.plusSeconds(3600));
        assertThat(instant(ttl, "$.updated_at")).isEqualTo(clock.instant());

        DocumentContext fixed = ok(api.patch(
                sessionPath(service, id(session)), "{\"expires_at\": \"" + inAnHour.minusSeconds(60) + "\"}"));
        assertThat(instant(fixed, "$.expires_at")).isEqualTo(inAnHour.minusSeconds(60));
        assertThat(instant(fixed, "$.routes_until")).isEqualTo(inAnHour.minusSeconds(60));

        assertThat(invalid(api.patch(
                        sessionPath(service, id(session)),
                        "{\"ttl\": null, \"expires_at\": \"" + opened + "\", \"status\": \"in-progress\"}")))
                .containsExactlyInAnyOrder("ttl", "status");
        assertThat(invalid(api.patch(sessionPath(service, id(session)), "{\"expires_at\": \"" + opened + "\"}")))
                .containsExactly("expires_at");
    }

    @Test
    void removesTheTtlWithZeroAndTheExpiresAtWithNull() {
        DocumentContext session = api.session(service, "{\"ttl\": 600, " + alone(A) + "}");
        Instant opened = clock.instant();
        ok(api.patch(sessionPath(service, id(session)), "{\"expires_at\": \"" + opened.plusSeconds(60) + "\"}"));

        DocumentContext unfixed = ok(api.patch(sessionPath(service, id(session)), "{\"expires_at\": null}"));

        assertThat(unfixed.<String>read("$.expires_at")).isNull();
        assertThat(instant(unfixed, "$.routes_until")).isEqualTo(opened.plusSeconds(600));

        DocumentContext endless = ok(api.patch(sessionPath(service, id(session)), "{\"ttl\": 0}"));

        assertThat(endless.<Integer>read("$.ttl")).isNull();
        assertThat(endless.<String>read("$.routes_until")).isNull();
        clock.advance(Duration.ofDays(365));
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("open");
    }

    @Test
    void slidesANewTtlFromWhenTheSessionWasReopened() {
        DocumentContext session = api.session(service, "{\"ttl\": 3600, " + alone(A) + "}");
        ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"closed\"}"));
        clock.advance(Duration.ofHours(5));
        ok(api.patch(sessionPath(service, id(session)), "{\"status\": \"open\"}"));

        DocumentContext changed = ok(api.patch(sessionPath(service, id(session)), "{\"ttl\": 1800}"));

        assertThat(changed.<String>read("$.status")).isEqualTo("open");
        assertThat(instant(changed, "$.routes_until")).isEqualTo(clock.instant().plusSeconds(1800));
    }

    @Test
    void keepsASessionPastItsEndClosedWhenItsLifetimeChanges() {
        DocumentContext session = api.session(service, "{\"ttl\": 60, " + alone(A) + "}");
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("closed");

        api.patch(sessionPath(service, id(session)), "{\"ttl\": 86400}");

        DocumentContext after = api.session(service, session);
        assertThat(after.<String>read("$.status")).isEqualTo("closed");
        assertThat(after.<String>read("$.closed_reason")).isEqualTo("expired");
    }

    @Test
    void listsParticipantsInTheOrderTheyWereGiven() {
        for (int i = 0; i < 8; i++) {
            DocumentContext session = api.sessionBetween(service, A, B);

            assertThat(api.session(service, session).<List<String>>read("$.participants[*].number"))
                    .containsExactly(A, B);
            noContent(api.delete(sessionPath(service, id(session))));
        }
    }

    @Test
    void changesTheModeOnlyToOneItsProxyNumbersCanCarry() {
        String voice = api.service("voice-line");
        api.numberEntries(voice, "{\"number\": \"+15551230007\", \"capabilities\": [\"voice\"]}");
        DocumentContext session =
                api.session(voice, "{\"mode\": \"voice-only\", \"participants\": " + participants(A, B) + "}");
        assertThat(session.<String>read("$.mode")).isEqualTo("voice-only");

        problem(
                api.patch(sessionPath(voice, id(session)), "{\"mode\": \"message-only\"}"),
                409,
                "proxy-number-lacks-capability");
        problem(
                api.patch(sessionPath(voice, id(session)), "{\"mode\": \"voice-and-message\"}"),
                409,
                "proxy-number-lacks-capability");
        assertThat(api.session(voice, session).<String>read("$.mode")).isEqualTo("voice-only");

        DocumentContext full = api.sessionBetween(service, A, B);
        assertThat(ok(api.patch(sessionPath(service, id(full)), "{\"mode\": \"message-only\"}"))
                        .<String>read("$.mode"))
                .isEqualTo("message-only");
        assertThat(invalid(api.patch(sessionPath(service, id(full)), "{\"mode\": \"video\"}")))
                .containsExactly("mode");
    }

    @Test
    void closesASessionOnDeleteAndKeepsItOnRecord() {
        DocumentContext session = api.sessionBetween(service, A, B);

        noContent(api.delete(sessionPath(service, id(session))));

        DocumentContext closed = api.session(service, session);
        assertThat(closed.<String>read("$.status")).isEqualTo("closed");
        assertThat(closed.<String>read("$.closed_reason")).isEqualTo("api");
        assertThat(closed.<List<String>>read("$.participants[*].number")).containsExactlyInAnyOrder(A, B);
        assertThat(inUse(P1) + inUse(P2) + inUse(P3)).isZero();
        problem(api.delete(sessionPath(service, "ses_00000000000000000000000000000000")), 404, "not-found");
        problem(api.get(sessionPath(service, "not-a-session")), 404, "not-found");
    }

    @Test
    void findsASessionOnlyThroughItsOwnService() {
        DocumentContext session = api.sessionBetween(service, A, B);
        String other = api.service("rides");

        problem(api.get(sessionPath(other, id(session))), 404, "not-found");
        problem(api.patch(sessionPath(other, id(session)), "{\"status\": \"closed\"}"), 404, "not-found");
        problem(api.delete(sessionPath(other, id(session))), 404, "not-found");
        assertThat(api.session(service, session).<String>read("$.status")).isEqualTo("open");
    }

    @Test
    void refusesInvalidSessionBodiesNamingEachField() {
        List<String> fields = invalid(api.post(sessionsPath(service), """
                {"mode": "video", "ttl": -5, "unique_name": " ", "voice": {"ring_timeout": 1},
                 "participants": [{"number": "+1"}, {"name": "no number", "proxy_number": "x"}], "colour": 1}
                """));

        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "colour",
                        "unique_name",
                        "mode",
                        "ttl",
                        "voice.ring_timeout",
                        "participants[0].number",
                        "participants[1].number",
                        "participants[1].proxy_number");
        assertThat(invalid(api.post(sessionsPath(service), "{\"participants\": " + participants(A, B, C) + "}")))
                .containsExactly("participants");
        assertThat(invalid(api.post(sessionsPath(service), "{\"participants\": " + participants(A, A) + "}")))
                .containsExactly("participants");
        assertThat(invalid(api.post(sessionsPath(service), "{\"participants\": " + participants(A, P1) + "}")))
                .containsExactly("participants");
        assertThat(ok(api.get(sessionsPath(service))).<List<Object>>read("$.items"))
                .isEmpty();
    }

    /** Routes a call from the participant to its proxy and waits until the session shows it. */
    private void inProgress(DocumentContext session, String caller, String proxy) {
        var answer = http.postJson("/calls/route", callBody(caller, proxy));
        assertThat(answer.body()).contains("connect");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "in-progress".equals(api.session(service, session).read("$.status")));
    }

    /** The participants field of a session of one participant. */
    private static String alone(String number) {
        return "\"participants\": " + participants(number);
    }

    /** Each participant's proxy number, by its number: the order participants are listed in is not part of the API. */
    private static Map<String, String> proxies(DocumentContext session) {
        List<String> numbers = session.read("$.participants[*].number");
        List<String> proxies = session.read("$.participants[*].proxy_number");
        Map<String, String> out = new java.util.TreeMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            out.put(numbers.get(i), proxies.get(i));
        }
        return out;
    }

    private List<String> ids(String query) {
        // A + in a query string reads as a space: clients send it as %2B.
        String encoded = query.replace("+", "%2B");
        List<DocumentContext> all = api.walk(sessionsPath(service) + (query.isEmpty() ? "" : "?" + encoded), 1);
        return V1Client.each(all, "$.id");
    }

    private int inUse(String number) {
        return ok(api.get(numberPath(service, number))).read("$.in_use");
    }

    private static String id(DocumentContext session) {
        return session.read("$.id");
    }

    private static Instant instant(DocumentContext json, String path) {
        String text = json.read(path);
        assertThat(text).as(path).endsWith("Z");
        return Instant.parse(text);
    }
}
