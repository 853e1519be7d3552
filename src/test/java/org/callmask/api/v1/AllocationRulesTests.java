package org.callmask.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callmask.api.v1.V1Client.noContent;
import static org.callmask.api.v1.V1Client.participants;
import static org.callmask.api.v1.V1Client.problem;
import static org.callmask.api.v1.V1Client.sessionPath;
import static org.callmask.api.v1.V1Client.sessionsPath;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which proxy number a participant gets, and the problem that names the rule when none can be given. */
class AllocationRulesTests extends IntegrationTest {

    private static final String P1 = "+15551230001";
    private static final String P2 = "+15551230002";
    private static final String P3 = "+15551230003";
    private static final String A = "+15559990001";
    private static final String B = "+15559990002";
    private static final String C = "+15559990003";
    private static final String D = "+15559990004";

    private static final String SF_PROXY = "+14155550100";
    private static final String NY_PROXY = "+12125550100";
    private static final String LONDON_PROXY = "+447700900100";
    private static final String SF_CALLER = "+14155550123";
    private static final String LA_CALLER = "+13105550123";
    private static final String LONDON_CALLER = "+447700900123";

    private V1Client api;

    @BeforeEach
    void client() {
        api = new V1Client(http);
    }

    @Test
    void namesAnEmptyPool() {
        String service = api.service("empty");

        problem(open(service, participants(A)), 409, "pool-empty");
    }

    @Test
    void namesAPoolWhoseNumbersAreAllReserved() {
        String service = api.service("reserved");
        api.numberEntries(
                service,
                "{\"number\": \"" + P1 + "\", \"reserved\": true}",
                "{\"number\": \"" + P2 + "\", \"reserved\": true}");

        problem(open(service, participants(A)), 409, "all-numbers-reserved");
    }

    @Test
    void namesAPoolWithoutANumberThatCarriesWhatTheModeNeeds() {
        String service = api.service("voice-only-pool");
        api.numberEntries(
                service,
                "{\"number\": \"" + P1 + "\", \"capabilities\": [\"voice\"]}",
                "{\"number\": \"" + P2 + "\", \"capabilities\": [\"voice\", \"mms\"]}");

        problem(
                api.post(
                        sessionsPath(service),
                        "{\"mode\": \"message-only\", \"participants\": " + participants(A) + "}"),
                409,
                "no-number-with-capability");
        problem(open(service, participants(A)), 409, "no-number-with-capability");
        assertThat(proxyOf(
                        api.session(service, "{\"mode\": \"voice-only\", \"participants\": " + participants(A) + "}"),
                        A))
                .isIn(P1, P2);
    }

    @Test
    void givesOnlyANumberInTheParticipantsCountryWhenGeoMatchIsCountry() {
        String service = geoService("country-match", "country");
        api.numbers(service, SF_PROXY, NY_PROXY);

        problem(open(service, participants(LONDON_CALLER)), 409, "no-number-in-country");

        api.numbers(service, LONDON_PROXY);
        assertThat(proxyOf(api.sessionBetween(service, LONDON_CALLER), LONDON_CALLER))
                .isEqualTo(LONDON_PROXY);
        assertThat(proxyOf(api.sessionBetween(service, SF_CALLER), SF_CALLER)).isIn(SF_PROXY, NY_PROXY);
    }

    @Test
    void ignoresTheCountryWhenGeoMatchIsNone() {
        String service = geoService("no-match", "none");
        api.numbers(service, SF_PROXY);

        assertThat(proxyOf(api.sessionBetween(service, LONDON_CALLER), LONDON_CALLER))
                .isEqualTo(SF_PROXY);
    }

    @Test
    void prefersANumberWithTheParticipantsAreaCodeAndFallsBackToItsCountry() {
        String service = geoService("area-match", "area-code");
        api.numbers(service, SF_PROXY, NY_PROXY, LONDON_PROXY);
        // Load the San Francisco number, so that least-loaded alone would choose New York.
        api.session(service, pair("+14155550124", SF_PROXY, "+14155550125", SF_PROXY));

        assertThat(proxyOf(api.sessionBetween(service, SF_CALLER), SF_CALLER)).isEqualTo(SF_PROXY);
        assertThat(proxyOf(api.sessionBetween(service, LA_CALLER), LA_CALLER)).isIn(SF_PROXY, NY_PROXY);
        // The area code is not the only one: San Francisco's number is taken for it, New York's is not.
        assertThat(proxyOf(api.sessionBetween(service, SF_CALLER), SF_CALLER)).isEqualTo(NY_PROXY);
        problem(open(service, participants(SF_CALLER)), 409, "all-numbers-paired");
    }

    @Test
    void namesAParticipantThatHasEveryNumberAlready() {
        String service = api.service("paired");
        api.numbers(service, P1, P2);
        Set<String> proxies = new HashSet<>();
        proxies.add(proxyOf(api.sessionBetween(service, A, B), A));
        proxies.add(proxyOf(api.sessionBetween(service, A, C), A));

        problem(open(service, participants(A, D)), 409, "all-numbers-paired");

        assertThat(proxies).containsExactlyInAnyOrder(P1, P2);
        // Another participant is not affected.
        assertThat(proxyOf(api.sessionBetween(service, D), D)).isIn(P1, P2);
    }

    @Test
    void skipsANumberAtItsCapacity() {
        String service = api.service("capacity");
        api.numberEntries(service, "{\"number\": \"" + P1 + "\", \"capacity\": 1}", "\"" + P2 + "\"");
        api.session(service, "{\"participants\": [{\"number\": \"" + A + "\", \"proxy_number\": \"" + P1 + "\"}]}");

        for (String participant : List.of(B, C, D)) {
            assertThat(proxyOf(api.sessionBetween(service, participant), participant))
                    .as(participant)
                    .isEqualTo(P2);
        }
        noContent(api.delete(V1Client.numberPath(service, P2) + "?force=true"));
        problem(open(service, participants("+15559990005")), 409, "all-numbers-paired");
    }

    @Test
    void givesAReservedNumberOnlyWhenAskedForByNumber() {
        String service = api.service("reserved-mix");
        api.numberEntries(service, "{\"number\": \"" + P1 + "\", \"reserved\": true}", "\"" + P2 + "\"");

        for (String participant : List.of(A, B, C, D)) {
            assertThat(proxyOf(api.sessionBetween(service, participant), participant))
                    .as(participant)
                    .isEqualTo(P2);
        }
        assertThat(proxyOf(api.session(service, asking(A, P1)), A)).isEqualTo(P1);
    }

    @Test
    void refusesAProxyNumberOutsideThePool() {
        String service = api.service("explicit");
        api.numbers(service, P1);
        String other = api.service("elsewhere");
        api.numbers(other, P2);

        problem(post(service, asking(A, P3)), 409, "proxy-number-not-in-pool");
        problem(post(service, asking(A, P2)), 409, "proxy-number-not-in-pool");
    }

    @Test
    void refusesAProxyNumberThatCannotCarryTheMode() {
        String service = api.service("explicit");
        api.numberEntries(service, "{\"number\": \"" + P1 + "\", \"capabilities\": [\"sms\"]}");

        problem(post(service, asking(A, P1)), 409, "proxy-number-lacks-capability");
        assertThat(proxyOf(
                        api.session(
                                service,
                                "{\"mode\": \"message-only\", \"participants\": [{\"number\": \"" + A
                                        + "\", \"proxy_number\": \"" + P1 + "\"}]}"),
                        A))
                .isEqualTo(P1);
    }

    @Test
    void refusesAProxyNumberInAnotherCountryOrAreaCode() {
        String country = geoService("explicit-country", "country");
        api.numbers(country, SF_PROXY);
        String area = geoService("explicit-area", "area-code");
        api.numbers(area, NY_PROXY);

        problem(post(country, asking(LONDON_CALLER, SF_PROXY)), 409, "proxy-number-other-country");
        problem(post(area, asking(SF_CALLER, NY_PROXY)), 409, "proxy-number-other-area-code");
        problem(post(area, asking(LONDON_CALLER, NY_PROXY)), 409, "proxy-number-other-country");
    }

    @Test
    void refusesAProxyNumberAtItsCapacity() {
        String service = api.service("explicit");
        api.numberEntries(service, "{\"number\": \"" + P1 + "\", \"capacity\": 1}");
        api.session(service, asking(A, P1));

        problem(post(service, asking(B, P1)), 409, "proxy-number-full");
    }

    @Test
    void refusesAProxyNumberTheParticipantAlreadyHasInAnotherSession() {
        String service = api.service("explicit");
        api.numbers(service, P1);
        api.session(service, asking(A, P1));

        problem(post(service, asking(A, P1)), 409, "proxy-number-already-paired");
    }

    @Test
    void refusesAProxyNumberCoolingOffForTheParticipant() {
        String service = coolingService(600);
        api.numbers(service, P1, P2);
        DocumentContext first = api.session(service, pair(A, P1, B, P2));
        noContent(api.delete(sessionPath(service, id(first))));

        problem(open(service, "[" + entry(A, P1) + ", " + entry(C, null) + "]"), 409, "proxy-number-cooling-off");

        clock.advance(Duration.ofSeconds(600));
        assertThat(proxyOf(
                        api.session(service, "{\"participants\": [" + entry(A, P1) + ", " + entry(C, null) + "]}"), A))
                .isEqualTo(P1);
    }

    @Test
    void givesAPairTheSameProxyNumbersAgainWhenPreferSticky() {
        String service = api.service("sticky");
        api.numbers(service, P1, P2, P3);
        DocumentContext first = api.session(service, pair(A, P1, B, P2));
        noContent(api.delete(sessionPath(service, id(first))));
        // Meanwhile A has P3 with C, then loses it: A's most recent number is now P3.
        DocumentContext withC = api.session(service, pair(A, P3, C, P3));
        noContent(api.delete(sessionPath(service, id(withC))));
        // And P1 is the busiest number, so least-loaded would never choose it.
        api.session(service, "{\"participants\": [" + entry(D, P1) + "]}");

        DocumentContext again = api.sessionBetween(service, A, B);

        assertThat(proxyOf(again, A)).isEqualTo(P1);
        assertThat(proxyOf(again, B)).isEqualTo(P2);
    }

    @Test
    void givesAParticipantANumberItNeverHadWhenAvoidSticky() {
        String service = created("{\"unique_name\": \"avoid\", \"number_selection\": \"avoid-sticky\"}");
        api.numbers(service, P1, P2, P3);
        Set<String> had = new HashSet<>();

        for (int i = 0; i < 3; i++) {
            DocumentContext session = api.sessionBetween(service, A, B);
            String proxy = proxyOf(session, A);
            assertThat(had).as("A had " + had + " and got " + proxy).doesNotContain(proxy);
            had.add(proxy);
            noContent(api.delete(sessionPath(service, id(session))));
        }

        assertThat(had).containsExactlyInAnyOrder(P1, P2, P3);
        // Once it has had them all, it still gets one.
        assertThat(proxyOf(api.sessionBetween(service, A, B), A)).isIn(P1, P2, P3);
    }

    @Test
    void keepsAReleasedNumberFromTheParticipantWithSomeoneElseDuringTheCoolOff() {
        String service = coolingService(600);
        api.numbers(service, P1, P2);
        DocumentContext first = api.session(service, pair(A, P1, B, P2));
        noContent(api.delete(sessionPath(service, id(first))));
        clock.advance(Duration.ofSeconds(300));

        // With C, A may not have P1 back yet, although it is the one it had before.
        DocumentContext withC = api.sessionBetween(service, A, C);
        assertThat(proxyOf(withC, A)).isEqualTo(P2);
        // With a third, while P2 is held and P1 cools off, A can be given nothing.
        problem(open(service, participants(A, D)), 409, "all-numbers-paired");
        noContent(api.delete(sessionPath(service, id(withC))));

        // With B again, the pair is the same, so P1 is not cooling off for it.
        DocumentContext withB = api.sessionBetween(service, A, B);
        assertThat(proxyOf(withB, A)).isEqualTo(P1);
        noContent(api.delete(sessionPath(service, id(withB))));

        clock.advance(Duration.ofSeconds(600));
        assertThat(proxyOf(
                        api.session(service, "{\"participants\": [" + entry(A, P1) + ", " + entry(D, null) + "]}"), A))
                .isEqualTo(P1);
    }

    private String geoService(String name, String geoMatch) {
        return created("{\"unique_name\": \"" + name + "\", \"geo_match\": \"" + geoMatch + "\"}");
    }

    private String coolingService(int seconds) {
        return created("{\"unique_name\": \"cooling\", \"cool_off\": " + seconds + "}");
    }

    private String created(String json) {
        return api.createService(json).read("$.id");
    }

    private Response open(String service, String participants) {
        return api.post(sessionsPath(service), "{\"participants\": " + participants + "}");
    }

    private Response post(String service, String body) {
        return api.post(sessionsPath(service), body);
    }

    /** A session body of one participant asking for a proxy number. */
    private static String asking(String number, String proxy) {
        return "{\"participants\": [" + entry(number, proxy) + "]}";
    }

    private static String pair(String first, String firstProxy, String second, String secondProxy) {
        return "{\"participants\": [" + entry(first, firstProxy) + ", " + entry(second, secondProxy) + "]}";
    }

    private static String entry(String number, String proxy) {
        return proxy == null
                ? "{\"number\": \"" + number + "\"}"
                : "{\"number\": \"" + number + "\", \"proxy_number\": \"" + proxy + "\"}";
    }

    private static String proxyOf(DocumentContext session, String number) {
        List<String> numbers = session.read("$.participants[*].number");
        int i = numbers.indexOf(number);
        assertThat(i).as(number + " in " + session.jsonString()).isNotNegative();
        return session.read("$.participants[" + i + "].proxy_number");
    }

    private static String id(DocumentContext session) {
        return session.read("$.id");
    }
}
