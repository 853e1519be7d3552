package org.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Who reaches the console, and how its session is protected. */
@TestPropertySource(properties = "callmask.api.keys=" + ConsoleSecurityTests.KEY)
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSecurityTests extends IntegrationTest {

    static final String KEY = "console-security-key-0123456789";

    @Test
    void everyPageAsksForALoginFirstWhateverThePathLooksLike() {
        for (String path : List.of(
                "/console",
                "/console/",
                "/console/sessions",
                "/console/numbers",
                "/console/events",
                "/console/overview/charts",
                "/console/services/default/sessions/ses_00000000000000000000000000000000")) {
            Response answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(302);
            assertThat(ConsoleLogin.location(answer)).as(path).endsWith("/console/login");
        }
        for (String path : List.of(
                "/%63onsole",
                "/console;x", "//console", "/console/../console", "/console/%2e%2e/console", "/CONSOLE")) {
            Response answer = http.get(path);
            assertThat(answer.status()).as(path).isNotEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain("Overview");
        }
    }

    @Test
    void theLoginPageAndTheAssetsNeedNoLogin() {
        assertThat(http.get("/console/login").body()).contains("Admin API key");
        Response css = http.get("/console/assets/console.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(http.get("/console/webjars/htmx.org/dist/htmx.min.js").status())
                .isEqualTo(200);
        assertThat(http.get("/console/webjars/uplot/dist/uPlot.iife.min.js").status())
                .isEqualTo(200);
        assertThat(http.get("/console/assets/../templates/console/login.html").status())
                .isNotEqualTo(200);
    }

    @Test
    void aWrongKeyOrAMissingCsrfTokenDoesNotLogIn() {
        ConsoleLogin.Session page = ConsoleLogin.loginPage(http);
        Response wrong = ConsoleLogin.postForm(
                http,
                "/console/login",
                page,
                Map.of("name", "Dana", "key", "not-the-key-000000", "_csrf", page.csrf()));
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(ConsoleLogin.location(wrong)).endsWith("/console/login?error");

        Response forged = ConsoleLogin.postForm(http, "/console/login", page, Map.of("name", "Dana", "key", KEY));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void aLoggedInOperatorHasAStrictHttpOnlyCookieAScriptPolicyAndCsrfOnEveryChange() {
        ConsoleLogin.Session page = ConsoleLogin.loginPage(http);
        Response posted = ConsoleLogin.postForm(
                http, "/console/login", page, Map.of("name", "Dana", "key", KEY, "_csrf", page.csrf()));
        String cookie = posted.headers().get("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        // A new session on login: one fixed before it is worth nothing.
        assertThat(ConsoleLogin.sessionCookie(posted)).isNotEqualTo(page.cookie());

        ConsoleLogin.Session session = ConsoleLogin.logIn(http, "Dana", KEY);
        Response overview = ConsoleLogin.get(http, "/console", session);
        assertThat(overview.headers().get("content-security-policy").get(0))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");

        Response withoutToken = ConsoleLogin.postForm(
                http, "/console/numbers/add", session, Map.of("service", "default", "numbers", "+14155550100"));
        assertThat(withoutToken.status()).isEqualTo(403);
        Response numbers = api("/api/v1/services/default/numbers");
        assertThat(numbers.status()).isEqualTo(200);
        assertThat(numbers.body()).doesNotContain("+14155550100");

        Response loggedOut = ConsoleLogin.postForm(http, "/console/logout", session, Map.of("_csrf", session.csrf()));
        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(ConsoleLogin.location(loggedOut)).endsWith("/console/login?logout");
        assertThat(ConsoleLogin.get(http, "/console", session).status()).isEqualTo(302);
    }

    private Response api(String path) {
        return http.send(
                http.request(path).header("Authorization", "Bearer " + KEY).GET());
    }

    private Response apiPost(String path, String json) {
        return http.send(http.request(path)
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    @Test
    void namesThatCouldForgeOrHideAuditTextAreRefused() {
        for (String name : List.of(
                "Eve\u202Egnp.exe", "Eve\u2028INFO all clear", "Eve\u0085x", "Eve\u200Bx", "Eve\nx", "x".repeat(61))) {
            ConsoleLogin.Session page = ConsoleLogin.loginPage(http);
            Response posted = ConsoleLogin.postForm(
                    http, "/console/login", page, Map.of("name", name, "key", KEY, "_csrf", page.csrf()));
            assertThat(ConsoleLogin.location(posted)).as(name).endsWith("/console/login?error");
        }
        assertThat(ConsoleLogin.logIn(http, "Zoë Ødegård-O'Brien", KEY)).isNotNull();
    }

    @Test
    void aBodyTooLargeIsRefusedBeforeAnythingReadsIt(CapturedOutput output) {
        ConsoleLogin.Session page = ConsoleLogin.loginPage(http);
        String huge = "name=Eve&key=" + "k".repeat(2 * 1024 * 1024) + "&_csrf=" + page.csrf();

        Response answer = ConsoleLogin.postForm(http, "/console/login", page, Map.of("padding", huge));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aFormPostedByScriptWithTheTokenInAHeaderKeepsItsFields() {
        ConsoleLogin.Session session = ConsoleLogin.logIn(http, "Dana", KEY);

        Response added = http.send(http.request("/console/numbers/add")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session.cookie())
                .header("X-CSRF-TOKEN", session.csrf())
                .POST(BodyPublishers.ofString(
                        HttpTestClient.form(Map.of("service", "default", "numbers", "+14155550177")))));

        assertThat(added.status()).isLessThan(400);
        assertThat(api("/api/v1/services/default/numbers").body()).contains("+14155550177");
    }

    @Test
    void aSearchByAParticipantsNumberIsPostedNeverTakenFromALinkAndAudited(CapturedOutput output) {
        assertThat(apiPost("/api/v1/services/default/numbers", "{\"numbers\": [\"+14155550101\"]}")
                        .status())
                .isEqualTo(201);
        Response opened = apiPost(
                "/api/v1/services/default/sessions",
                "{\"participants\": [{\"number\": \"+14155559876\"}, {\"number\": \"+14155554321\"}]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String sessionId = JsonPath.read(opened.body(), "$.id");
        ConsoleLogin.Session session = ConsoleLogin.logIn(http, "Dana", KEY);

        Response linked = ConsoleLogin.get(http, "/console/sessions?participant=%2B14155559876", session);
        assertThat(linked.body()).contains("with the form").doesNotContain(sessionId);

        Response posted = ConsoleLogin.postForm(
                http,
                "/console/sessions",
                session,
                Map.of("service", "default", "participant", "+14155559876", "_csrf", session.csrf()));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains(sessionId).doesNotContain("+14155559876");
        assertThat(output.getAll())
                .containsPattern("Console operator 'Dana' \\(key [0-9a-f]{8}, from [0-9a-f.:]+\\) searched service "
                        + "default for participant \\+1415•••9876: 1 session")
                .doesNotContain("+14155559876");
    }

    @Test
    void anApiKeyHeaderIsNoWayIntoTheConsole() {
        Response answer = http.send(http.request("/console")
                .header("Authorization", "Bearer " + KEY)
                .GET());
        assertThat(answer.status()).isEqualTo(302);
    }
}
