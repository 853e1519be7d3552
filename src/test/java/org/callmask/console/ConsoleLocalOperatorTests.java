package org.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Without API keys the console admits the local operator, by name, and no one else. */
class ConsoleLocalOperatorTests extends IntegrationTest {

    @Test
    void theLocalOperatorLogsInWithANameAlone() {
        assertThat(http.get("/console/login").body())
                .doesNotContain("Admin API key")
                .contains("No API key is set");
        ConsoleLogin.Session session = ConsoleLogin.logIn(http, "Sam on call", null);
        assertThat(ConsoleLogin.get(http, "/console/numbers", session).status()).isEqualTo(200);
    }

    @Test
    void aLoginThatCameThroughAProxyIsRefused() {
        ConsoleLogin.Session page = ConsoleLogin.loginPage(http);
        Response proxied = http.send(http.request("/console/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + page.cookie())
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(BodyPublishers.ofString(HttpTestClient.form(Map.of("name", "Mallory", "_csrf", page.csrf())))));
        assertThat(proxied.status()).isEqualTo(302);
        assertThat(ConsoleLogin.location(proxied)).endsWith("/console/login?error");
    }

    @Test
    void aSessionCarriedOffThisMachineOpensNothing() {
        ConsoleLogin.Session session = ConsoleLogin.logIn(http, "Sam on call", null);

        Response proxied = http.send(http.request("/console/numbers")
                .header("Cookie", "JSESSIONID=" + session.cookie())
                .header("X-Forwarded-For", "203.0.113.9")
                .GET());

        assertThat(proxied.status()).isIn(302, 403);
        assertThat(proxied.body()).doesNotContain("Numbers");
        assertThat(ConsoleLogin.get(http, "/console/numbers", session).status()).isEqualTo(200);
    }
}
