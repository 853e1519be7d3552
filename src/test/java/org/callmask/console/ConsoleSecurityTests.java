package org.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Who reaches the console, and how its session is protected. */
@TestPropertySource(properties = "callmask.api.keys=" + ConsoleSecurityTests.KEY)
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
        assertThat(http.get("/api/v1/services/default/numbers").body()).doesNotContain("+14155550100");

        Response loggedOut = ConsoleLogin.postForm(http, "/console/logout", session, Map.of("_csrf", session.csrf()));
        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(ConsoleLogin.location(loggedOut)).endsWith("/console/login?logout");
        assertThat(ConsoleLogin.get(http, "/console", session).status()).isEqualTo(302);
    }

    @Test
    void anApiKeyHeaderIsNoWayIntoTheConsole() {
        Response answer = http.send(http.request("/console")
                .header("Authorization", "Bearer " + KEY)
                .GET());
        assertThat(answer.status()).isEqualTo(302);
    }
}
