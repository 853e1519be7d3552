package org.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callmask.support.HttpTestClient;
import org.callmask.support.HttpTestClient.Response;

/** Logs in to the console over plain HTTP, as a browser would: form, CSRF token and session cookie. */
final class ConsoleLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private ConsoleLogin() {}

    /** A session cookie and the CSRF token that goes with it. */
    record Session(String cookie, String csrf) {}

    /** The login page's session and token, before logging in. */
    static Session loginPage(HttpTestClient http) {
        Response page = http.get("/console/login");
        assertThat(page.status()).isEqualTo(200);
        return new Session(sessionCookie(page), csrf(page.body()));
    }

    static Response postForm(HttpTestClient http, String path, Session session, Map<String, String> fields) {
        var request = http.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(HttpTestClient.form(fields)));
        if (session != null && session.cookie() != null) {
            request.header("Cookie", "JSESSIONID=" + session.cookie());
        }
        return http.send(request);
    }

    static Response get(HttpTestClient http, String path, Session session) {
        return http.send(http.request(path)
                .header("Cookie", "JSESSIONID=" + session.cookie())
                .GET());
    }

    /** Logs in and answers the logged-in session, with the token its pages carry. */
    static Session logIn(HttpTestClient http, String name, String key) {
        Session before = loginPage(http);
        Response posted = postForm(
                http,
                "/console/login",
                before,
                key == null
                        ? Map.of("name", name, "_csrf", before.csrf())
                        : Map.of("name", name, "key", key, "_csrf", before.csrf()));
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        assertThat(location(posted)).endsWith("/console");
        String cookie = sessionCookie(posted);
        Response overview = get(http, "/console", new Session(cookie, null));
        assertThat(overview.status()).isEqualTo(200);
        return new Session(cookie, csrf(overview.body()));
    }

    static String location(Response response) {
        return response.headers().getOrDefault("location", List.of("")).get(0);
    }

    static String sessionCookie(Response response) {
        for (String header : response.headers().getOrDefault("set-cookie", List.of())) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
