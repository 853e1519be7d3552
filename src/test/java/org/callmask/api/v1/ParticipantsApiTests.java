package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.created;
import static org.callmask.api.v1.V1Client.invalid;
import static org.callmask.api.v1.V1Client.noContent;
import static org.callmask.api.v1.V1Client.numberPath;
import static org.callmask.api.v1.V1Client.ok;
import static org.callmask.api.v1.V1Client.participantsPath;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.sessionPath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantsApiTests extends IntegrationTest {

    private static final String P1 = "+15551230001";
    private static final String P2 = "+15551230002";
    private static final String A = "+15559990001";
    private static final String B = "+15559990002";
    private static final String C = "+15559990003";

    private V1Client api;
    private String service;

    @BeforeEach
    void aServiceWithNumbers() {
        api = new V1Client(http);
        service = api.service("deliveries");
        api.numbers(service, P1, P2);
    }

    @Test
    void addsASecondParticipantLaterWithItsOwnProxyNumber() {
        DocumentContext session = api.sessionBetween(service, A);
        clock.advance(Duration.ofMinutes(1));

        DocumentContext added = created(api.post(
                participantsPath(service, id(session)), "{\"number\": \"" + B + "\", \"name\": \"customer\"}"));

        assertThat(added.<String>read("$.id")).matches("par_[0-9a-f]{32}");
        assertThat(added.<String>read("$.session_id")).isEqualTo(id(session));
        assertThat(added.<String>read("$.number")).isEqualTo(B);
        assertThat(added.<String>read("$.name")).isEqualTo("customer");
        assertThat(added.<String>read("$.proxy_number")).isIn(P1, P2);
        assertThat(Instant.parse(added.read("$.created_at"))).isEqualTo(clock.instant());
        assertThat(added.<String>read("$.removed_at")).isNull();
        DocumentContext now = api.session(service, session);
        assertThat(now.<List<String>>read("$.participants[*].number")).containsExactly(A, B);
        assertThat(now.<String>read("$.status")).isEqualTo("open");
        assertThat(ok(api.get(participantsPath(service, id(session)) + "/" + added.read("$.id")))
                        .jsonString())
                .isEqualTo(added.jsonString());
    }

    @Test
    void refusesAThirdActiveParticipant() {
        DocumentContext session = api.sessionBetween(service, A, B);

        problem(
                api.post(participantsPath(service, id(session)), "{\"number\": \"" + C + "\"}"),
                409,
                "participant-limit");

        assertThat(api.session(service, session).<List<Object>>read("$.participants"))
                .hasSize(2);
    }

    @Test
    void refusesANumberThatAlreadyTakesPartInTheSession() {
        DocumentContext session = api.sessionBetween(service, A);

        problem(
                api.post(participantsPath(service, id(session)), "{\"number\": \"" + A + "\"}"),
                409,
                "duplicate-participant");
    }

    @Test
    void refusesParticipantsForAClosedOrExpiredSession() {
        DocumentContext closed = api.sessionBetween(service, A);
        noContent(api.delete(sessionPath(service, id(closed))));
        DocumentContext expiring =
                api.session(service, "{\"ttl\": 60, \"participants\": " + V1Client.participants(C) + "}");
        clock.advance(Duration.ofSeconds(60));

        problem(api.post(participantsPath(service, id(closed)), "{\"number\": \"" + B + "\"}"), 409, "session-closed");
        problem(
                api.post(participantsPath(service, id(expiring)), "{\"number\": \"" + B + "\"}"),
                409,
                "session-closed");
    }

    @Test
    void removesAParticipantKeepingItOnRecordAndFreeingItsProxyNumber() {
        DocumentContext session = api.sessionBetween(service, A, B);
        DocumentContext b = participant(session, B);
        String proxy = b.read("$.proxy_number");
        int before = inUse(proxy);
        clock.advance(Duration.ofMinutes(2));

        noContent(api.delete(participantsPath(service, id(session)) + "/" + b.read("$.id")));

        DocumentContext all = ok(api.get(participantsPath(service, id(session))));
        assertThat(all.<List<String>>read("$.items[*].number")).containsExactlyInAnyOrder(A, B);
        DocumentContext removed = ok(api.get(participantsPath(service, id(session)) + "/" + b.read("$.id")));
        assertThat(Instant.parse(removed.read("$.removed_at"))).isEqualTo(clock.instant());
        assertThat(removed.<String>read("$.proxy_number")).isEqualTo(proxy);
        assertThat(ok(api.get(participantsPath(service, id(session)) + "?include_removed=false"))
                        .<List<String>>read("$.items[*].number"))
                .containsExactly(A);
        assertThat(inUse(proxy)).isEqualTo(before - 1);
        DocumentContext still = api.session(service, session);
        assertThat(still.<String>read("$.status")).isEqualTo("open");
        assertThat(still.<List<Object>>read("$.participants")).hasSize(2);
        // Removing it again changes nothing.
        noContent(api.delete(participantsPath(service, id(session)) + "/" + b.read("$.id")));
    }

    @Test
    void acceptsAReplacementForARemovedParticipant() {
        DocumentContext session = api.sessionBetween(service, A, B);
        noContent(api.delete(participantsPath(service, id(session)) + "/"
                + participant(session, B).read("$.id")));

        DocumentContext replacement =
                created(api.post(participantsPath(service, id(session)), "{\"number\": \"" + C + "\"}"));

        assertThat(replacement.<String>read("$.number")).isEqualTo(C);
        assertThat(ok(api.get(participantsPath(service, id(session)) + "?include_removed=false"))
                        .<List<String>>read("$.items[*].number"))
                .containsExactlyInAnyOrder(A, C);
        problem(
                api.post(participantsPath(service, id(session)), "{\"number\": \"" + B + "\"}"),
                409,
                "participant-limit");
    }

    @Test
    void givesTheRemovedParticipantsProxyNumberToItAgainElsewhere() {
        // One number: while B holds it, B can be in no other session; once removed, it can.
        String single = api.service("single");
        api.numbers(single, "+15551230009");
        DocumentContext session = api.sessionBetween(single, A, B);
        problem(
                api.post(V1Client.sessionsPath(single), "{\"participants\": " + V1Client.participants(B) + "}"),
                409,
                "all-numbers-paired");

        noContent(api.delete(participantsPath(single, id(session)) + "/"
                + participant(single, session, B).read("$.id")));

        assertThat(api.sessionBetween(single, B).<String>read("$.participants[0].proxy_number"))
                .isEqualTo("+15551230009");
    }

    @Test
    void refusesInvalidParticipantsAndUnknownIds() {
        DocumentContext session = api.sessionBetween(service, A);
        String path = participantsPath(service, id(session));

        assertThat(invalid(api.post(path, "{\"name\": \"x\", \"proxy_number\": \"nope\", \"role\": \"client\"}")))
                .containsExactlyInAnyOrder("role", "number", "proxy_number");
        assertThat(invalid(api.post(path, "{\"number\": \"" + P2 + "\"}"))).containsExactly("number");
        assertThat(invalid(api.get(path + "?include_removed=maybe"))).containsExactly("include_removed");
        problem(api.get(path + "/par_00000000000000000000000000000000"), 404, "not-found");
        problem(api.delete(path + "/par_00000000000000000000000000000000"), 404, "not-found");
        problem(api.delete(path + "/someone"), 404, "not-found");
        problem(api.get(participantsPath(service, "ses_00000000000000000000000000000000")), 404, "not-found");
    }

    private DocumentContext participant(DocumentContext session, String number) {
        return participant(service, session, number);
    }

    private DocumentContext participant(String service, DocumentContext session, String number) {
        List<String> numbers = session.read("$.participants[*].number");
        int i = numbers.indexOf(number);
        assertThat(i).as(number).isNotNegative();
        return ok(api.get(participantsPath(service, id(session)) + "/" + session.read("$.participants[" + i + "].id")));
    }

    private int inUse(String number) {
        return ok(api.get(numberPath(service, number))).read("$.in_use");
    }

    private static String id(DocumentContext session) {
        return session.read("$.id");
    }
}
