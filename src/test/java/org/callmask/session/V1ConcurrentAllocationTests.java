package org.callmask.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.session.V1Calls.add;
import static org.callmask.session.V1Calls.close;
import static org.callmask.session.V1Calls.open;
import static org.callmask.session.V1Calls.openNamed;
import static org.callmask.session.V1Calls.participantId;
import static org.callmask.session.V1Calls.problemType;
import static org.callmask.session.V1Calls.proxyOf;
import static org.callmask.session.V1Calls.race;
import static org.callmask.session.V1Calls.remove;
import static org.callmask.session.V1Calls.reopen;
import static org.callmask.session.V1Calls.serviceWithPool;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Many platform requests on v1 sessions at the same instant, as a dispatch burst sends them. */
class V1ConcurrentAllocationTests extends IntegrationTest {

    private static final List<String> POOL_OF_FIVE =
            List.of("+15551230001", "+15551230002", "+15551230003", "+15551230004", "+15551230005");

    @Test
    void aSharedContractorHoldsEachProxyNumberOnceAndTheRestAreToldAllNumbersArePaired() throws Exception {
        String service = serviceWithPool(http, "burst", POOL_OF_FIVE);

        for (int round = 0; round < 3; round++) {
            List<Response> answers = race(24, i -> open(http, service, client(i), CONTRACTOR));

            List<Response> opened =
                    answers.stream().filter(r -> r.status() == 201).toList();
            assertThat(opened).as("round %d", round).hasSize(5);
            assertThat(opened.stream().map(r -> proxyOf(r, CONTRACTOR)))
                    .as("round %d: the contractor's proxy numbers", round)
                    .containsExactlyInAnyOrderElementsOf(POOL_OF_FIVE);
            assertThat(answers.stream().filter(r -> r.status() != 201))
                    .as("round %d", round)
                    .hasSize(19)
                    .allSatisfy(r -> {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(problemType(r)).isEqualTo("all-numbers-paired");
                    });
            assertConsistent(10);

            // Closing at once frees every number for the next round's burst.
            List<Response> closed = race(
                    opened.size(),
                    i -> close(http, service, JsonPath.read(opened.get(i).body(), "$.id")));
            assertThat(closed)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(204));
            assertConsistent(0);
        }
    }

    @Test
    void participantsAddedAtOnceNeverCrowdASessionBeyondTwo() throws Exception {
        String service = serviceWithPool(http, "crowd", POOL_OF_FIVE);
        Response created = http.postJson(V1Calls.sessions(service), "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = JsonPath.read(created.body(), "$.id");

        // An empty session takes two of the sixteen.
        List<Response> answers = race(16, i -> add(http, service, session, client(i)));
        assertAddedExactly(answers, 2);
        assertThat(activeNumbersOf(service, session)).hasSize(2);
        assertConsistent(2);

        for (int round = 1; round <= 3; round++) {
            List<String> active = activeNumbersOf(service, session);
            String leaving = active.get(1);
            String leavingId = participantId(V1Calls.get(http, service, session), leaving);
            // One removal among sixteen additions: the room it makes goes to one of them at most.
            int offset = 100 * round;
            List<Response> raced = race(
                    17,
                    i -> i == 16
                            ? remove(http, service, session, leavingId)
                            : add(http, service, session, client(offset + i)));

            assertThat(raced.get(16).status()).as(raced.get(16).body()).isEqualTo(204);
            List<Response> additions = raced.subList(0, 16);
            long added = additions.stream().filter(r -> r.status() == 201).count();
            assertThat(added).as("round %d", round).isLessThanOrEqualTo(1);
            assertThat(additions.stream().filter(r -> r.status() != 201)).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(problemType(r)).isEqualTo("participant-limit");
            });
            assertThat(activeNumbersOf(service, session))
                    .as("round %d", round)
                    .hasSize(1 + (int) added)
                    .doesNotContain(leaving);
            assertConsistent(1 + (int) added);
            if (added == 0) {
                assertAddedExactly(race(8, i -> add(http, service, session, client(offset + 50 + i))), 1);
            }
        }
    }

    @Test
    void identicalNamedCreatesAtOnceOpenOneSession() throws Exception {
        // One number: the first create gives it to both participants, so a late create that
        // planned its own allocation would find no number left for them.
        String tight = serviceWithPool(http, "tight", List.of("+15551230009"));
        String roomy = serviceWithPool(http, "roomy", POOL_OF_FIVE);

        for (String service : List.of(roomy, tight)) {
            // The tight pool is where a late create would be refused; it gets more tries at the race.
            for (int round = 0; round < (service.equals(tight) ? 8 : 2); round++) {
                String name = "job-" + round;
                List<Response> answers = race(20, i -> openNamed(http, service, name, CLIENT, CONTRACTOR));

                assertThat(answers)
                        .as("%s, round %d", service, round)
                        .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
                assertThat(answers.stream().filter(r -> r.status() == 201))
                        .as("%s, round %d", service, round)
                        .hasSize(1);
                assertThat(answers.stream()
                                .map(r -> JsonPath.<String>read(r.body(), "$.id"))
                                .distinct())
                        .hasSize(1);
                assertThat(answers.stream()
                                .map(r -> proxyOf(r, CLIENT) + "/" + proxyOf(r, CONTRACTOR))
                                .distinct())
                        .hasSize(1);
                assertConsistent(2);
                assertThat(close(http, service, JsonPath.read(answers.get(0).body(), "$.id"))
                                .status())
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void reopeningAClosedNamedSessionWhileItsNameIsTakenAgainLeavesOneOpenSessionByThatName() throws Exception {
        String service = serviceWithPool(http, "names", POOL_OF_FIVE);

        for (int round = 0; round < 6; round++) {
            String name = "job-" + round;
            Response first = openNamed(http, service, name, CLIENT, CONTRACTOR);
            String id = JsonPath.read(first.body(), "$.id");
            assertThat(close(http, service, id).status()).isEqualTo(204);
            String otherClient = client(round);
            String otherContractor = contractor(round);

            List<Response> answers = race(
                    8,
                    i -> i % 2 == 0
                            ? reopen(http, service, id)
                            : openNamed(http, service, name, otherClient, otherContractor));

            assertThat(answers).as("round %d", round).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isIn(200, 201, 409);
                if (r.status() == 409) {
                    assertThat(problemType(r)).isEqualTo("unique-name-taken");
                }
            });
            List<String> open = jdbc.sql(
                            "SELECT public_id FROM session WHERE unique_name = :name AND closed_at IS NULL")
                    .param("name", name)
                    .query(String.class)
                    .list();
            assertThat(open).as("round %d", round).hasSize(1);
            // Whichever won, every answer that is not a refusal shows it.
            assertThat(answers.stream()
                            .filter(r -> r.status() != 409)
                            .map(r -> JsonPath.<String>read(r.body(), "$.id")))
                    .as("round %d", round)
                    .containsOnly(open.get(0));
            assertConsistent(2);
            assertThat(close(http, service, open.get(0)).status()).isEqualTo(204);
        }
    }

    @Test
    void removalsReopeningsAndClosingsOfOneSessionAtOnceKeepTheRouteCountsTrue() throws Exception {
        String service = serviceWithPool(http, "churn", List.of("+15551230001", "+15551230002"));

        for (int round = 0; round < 12; round++) {
            Response session = open(http, service, client(round), CONTRACTOR);
            assertThat(session.status()).as(session.body()).isEqualTo(201);
            String id = JsonPath.read(session.body(), "$.id");
            String clientId = participantId(session, client(round));
            String contractorId = participantId(session, CONTRACTOR);
            // Even rounds race on a closed session, odd ones on an open one.
            if (round % 2 == 0) {
                assertThat(close(http, service, id).status()).isEqualTo(204);
            }

            List<Response> answers = race(9, i -> switch (i % 3) {
                case 0 -> reopen(http, service, id);
                case 1 -> remove(http, service, id, i < 5 ? clientId : contractorId);
                default -> close(http, service, id);
            });

            assertThat(answers)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 204, 409));
            answers.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(problemType(r)).isEqualTo("all-numbers-paired"));
            assertThat(ConsistencyChecks.v1Violations(jdbc))
                    .as("round %d", round)
                    .isEmpty();
            assertInUseMatchesRoutes(service);
            // Leave nothing routing so that every round starts with the contractor free.
            assertThat(close(http, service, id).status()).isEqualTo(204);
            assertConsistent(0);
        }
    }

    @Test
    void aParticipantAddedWhileItsSessionClosesKeepsNoRouteInTheClosedSession() throws Exception {
        String service = serviceWithPool(http, "late", POOL_OF_FIVE);

        for (int round = 0; round < 12; round++) {
            Response session = open(http, service, CONTRACTOR);
            String id = JsonPath.read(session.body(), "$.id");
            int offset = 100 * round;

            List<Response> answers =
                    race(4, i -> i % 2 == 0 ? close(http, service, id) : add(http, service, id, client(offset + i)));

            assertThat(answers)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 204, 409));
            answers.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(problemType(r)).isIn("session-closed", "participant-limit"));
            assertThat(ConsistencyChecks.v1Violations(jdbc))
                    .as("round %d", round)
                    .isEmpty();
            assertConsistent(0);
        }
    }

    @Test
    void overlappingContractorsAndClientsNeverHoldOneProxyNumberTwice() throws Exception {
        List<String> pool = List.of("+15551230001", "+15551230002", "+15551230003", "+15551230004");
        String service = serviceWithPool(http, "overlap", pool);

        // 6 contractors and 4 clients: every contractor-client pair, all at once. A client is in six
        // pairs but can hold only four numbers.
        List<Response> answers = race(24, i -> open(http, service, client(i % 4), contractor(i / 4)));

        Map<String, Set<String>> proxiesByNumber = new HashMap<>();
        int opened = 0;
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            if (answer.status() == 201) {
                opened++;
                for (String number : List.of(client(i % 4), contractor(i / 4))) {
                    String proxy = proxyOf(answer, number);
                    assertThat(pool).contains(proxy);
                    assertThat(proxiesByNumber
                                    .computeIfAbsent(number, n -> new HashSet<>())
                                    .add(proxy))
                            .as("%s holds %s twice", number, proxy)
                            .isTrue();
                }
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(problemType(answer)).isEqualTo("all-numbers-paired");
                // A refusal is right only if one of the two already holds every number.
                assertThat(Math.max(
                                ConsistencyChecks.activeProxiesOf(jdbc, client(i % 4))
                                        .size(),
                                ConsistencyChecks.activeProxiesOf(jdbc, contractor(i / 4))
                                        .size()))
                        .as("pair %d refused", i)
                        .isEqualTo(pool.size());
            }
        }
        assertThat(opened).isBetween(4, 16);
        for (var entry : proxiesByNumber.entrySet()) {
            assertThat(ConsistencyChecks.activeProxiesOf(jdbc, entry.getKey()))
                    .containsExactlyInAnyOrderElementsOf(entry.getValue());
        }
        assertConsistent(2 * opened);
    }

    private void assertAddedExactly(List<Response> answers, int expected) {
        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(expected);
        assertThat(answers.stream().filter(r -> r.status() != 201)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(problemType(r)).isEqualTo("participant-limit");
        });
    }

    private List<String> activeNumbersOf(String service, String session) {
        return JsonPath.read(
                http.get(V1Calls.sessions(service) + "/" + session + "/participants?include_removed=false")
                        .body(),
                "$.items[*].number");
    }

    private void assertConsistent(long expectedRoutes) {
        assertThat(ConsistencyChecks.v1Violations(jdbc)).isEmpty();
        assertThat(ConsistencyChecks.activeRoutes(jdbc)).isEqualTo(expectedRoutes);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(active_routes), 0) FROM pool_number")
                        .query(Long.class)
                        .single())
                .isEqualTo(expectedRoutes);
    }

    /** The pool as the API shows it agrees with the routes. */
    private void assertInUseMatchesRoutes(String service) {
        List<Integer> inUse = JsonPath.read(
                http.get("/api/v1/services/" + service + "/numbers?page_size=500")
                        .body(),
                "$.items[*].in_use");
        assertThat(inUse.stream().mapToLong(Integer::longValue).sum()).isEqualTo(ConsistencyChecks.activeRoutes(jdbc));
    }

    private static String client(int i) {
        return String.format("+1555999%04d", i);
    }

    private static String contractor(int i) {
        return String.format("+1555800%04d", i);
    }
}
