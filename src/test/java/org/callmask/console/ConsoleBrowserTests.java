package org.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.callmask.support.Browser;
import org.callmask.support.HttpTestClient.Response;
import org.callmask.support.IntegrationTest;
import org.callmask.support.PlatformReceiver;
import org.callmask.support.PlatformReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real browser: an operator logs in with an admin key, adds numbers, finds a
 * session the platform opened, reveals a number, closes the session, and redelivers a failed event.
 * Each test leaves a screenshot of its last page under {@code target/console-screenshots/}.
 */
@TestPropertySource(properties = {"callmask.api.keys=" + ConsoleBrowserTests.KEY, "callmask.events.retry-for=1s"})
@ExtendWith(OutputCaptureExtension.class)
class ConsoleBrowserTests extends IntegrationTest {

    static final String KEY = "console-test-key-0123456789";
    private static final String COURIER = "+14155550123";
    private static final String CLIENT = "+14155550199";
    private static final List<String> PARTICIPANTS = List.of(COURIER, CLIENT);

    private WebDriver browser;
    private WebDriverWait wait;
    private String screenshot;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        screenshot = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browser.screenshot(browser, screenshot);
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Response api(String method, String path, String json) {
        return http.send(http.request(path)
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
    }

    private void logIn() {
        browser.get(url("/console"));
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.findElement(By.id("name")).sendKeys("Dana from support");
        browser.findElement(By.id("key")).sendKeys(KEY);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("active-sessions")));
    }

    private void assertNoFullParticipantNumber() {
        for (String number : PARTICIPANTS) {
            assertThat(browser.getPageSource())
                    .as("page " + browser.getCurrentUrl())
                    .doesNotContain(number);
        }
    }

    @Test
    void anOperatorAddsNumbersFindsTheSessionRevealsANumberAndClosesIt(CapturedOutput output) {
        logIn();
        assertThat(browser.findElement(By.id("active-sessions")).getText()).isEqualTo("0");

        browser.findElement(By.linkText("Numbers")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("paste")));
        browser.findElement(By.id("paste")).sendKeys("+14155550100\n+14155550101");
        browser.findElement(By.id("add")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "2 of 2 numbers added"));
        assertThat(browser.findElement(By.id("numbers")).getText()).contains("+14155550100", "+14155550101");

        Response opened = api(
                "POST",
                "/api/v1/services/default/sessions",
                "{\"unique_name\": \"order-1234\", \"participants\": [{\"number\": \"" + COURIER
                        + "\", \"name\": \"courier\"}, {\"number\": \"" + CLIENT + "\", \"name\": \"client\"}]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String session = JsonPath.read(opened.body(), "$.id");
        String courier = JsonPath.read(opened.body(), "$.participants[0].id");

        browser.findElement(By.linkText("Sessions")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("participant")));
        browser.findElement(By.id("participant")).sendKeys(COURIER);
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(session)));
        assertThat(browser.findElement(By.id("searched-for")).getText()).isEqualTo("Sessions of +1415•••0123");
        assertNoFullParticipantNumber();

        browser.findElement(By.linkText(session)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("participants")));
        assertThat(browser.findElement(By.id("number-" + courier)).getText()).isEqualTo("+1415•••0123");
        assertNoFullParticipantNumber();

        browser.findElement(By.id("reveal-" + courier)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), COURIER));
        assertThat(browser.getPageSource()).doesNotContain(CLIENT);
        assertThat(output.getAll())
                .containsPattern(
                        "Console operator 'Dana from support' \\(key [0-9a-f]{8}, from [0-9a-f.:]+\\) revealed the "
                                + "number of participant " + courier)
                .doesNotContain(COURIER);

        browser.findElement(By.id("close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "closed"));
        assertThat(JsonPath.<String>read(
                        api("GET", "/api/v1/services/default/sessions/" + session, null)
                                .body(),
                        "$.status"))
                .isEqualTo("closed");
    }

    @Test
    void aFailedEventIsRedeliveredFromTheEventsPage() {
        try (PlatformReceiver platform = PlatformReceiver.start()) {
            platform.answer("/events", r -> Reply.status(500));
            assertThat(api(
                                    "PATCH",
                                    "/api/v1/services/default",
                                    "{\"callback_url\": \"" + platform.url("/events") + "\"}")
                            .status())
                    .isEqualTo(200);
            api("POST", "/api/v1/services/default/numbers", "{\"numbers\": [\"+14155550100\"]}");
            api("POST", "/api/v1/services/default/sessions", "{\"participants\": [{\"number\": \"" + COURIER + "\"}]}");
            // Retried for callmask.events.retry-for (1 s here), then failed; the test's clock moves on.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                clock.advance(Duration.ofMillis(500));
                return JsonPath.<List<Object>>read(
                                        api("GET", "/api/v1/services/default/events?status=failed", null)
                                                .body(),
                                        "$.items")
                                .size()
                        >= 1;
            });
            platform.answer("/events", r -> Reply.status(200));

            logIn();
            browser.findElement(By.linkText("Events")).click();
            WebElement failed =
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.status-failed")));
            assertThat(failed.getText()).isEqualTo("failed");
            browser.findElement(By.cssSelector("button.redeliver")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("p.notice"), "will be delivered again"));

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> JsonPath.<List<Object>>read(
                                            api("GET", "/api/v1/services/default/events?status=delivered", null)
                                                    .body(),
                                            "$.items")
                                    .size()
                            >= 1);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.status-delivered")));
            assertNoFullParticipantNumber();
        }
    }

    @Test
    void theOverviewDrawsItsChartsAndKeepsParticipantNumbersOut() {
        api("POST", "/api/v1/services/default/numbers", "{\"numbers\": [\"+14155550100\", \"+14155550101\"]}");
        api(
                "POST",
                "/api/v1/services/default/sessions",
                "{\"participants\": [{\"number\": \"" + COURIER + "\"}, {\"number\": \"" + CLIENT + "\"}]}");
        http.postJson(
                "/calls/route", "{\"call\": {\"from_number\": \"" + COURIER + "\", \"to_number\": \"+14155550100\"}}");

        logIn();
        wait.until(ExpectedConditions.attributeToBe(By.id("sessions-chart"), "data-drawn", "true"));
        wait.until(ExpectedConditions.attributeToBe(By.id("interactions-chart"), "data-drawn", "true"));
        assertThat(browser.findElements(By.cssSelector("#sessions-chart canvas")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("active-sessions")).getText()).isEqualTo("1");
        assertNoFullParticipantNumber();
        for (String page : List.of("/console/numbers", "/console/sessions", "/console/events")) {
            browser.get(url(page));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            assertNoFullParticipantNumber();
        }
        browser.get(url("/console"));
        wait.until(ExpectedConditions.attributeToBe(By.id("interactions-chart"), "data-drawn", "true"));
        screenshot = "overview";
    }

    @Test
    void thePagesFitAPhoneScreenAndTheLoginWorksFromTheKeyboard() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        api("POST", "/api/v1/services/default/numbers", "{\"numbers\": [\"+14155550100\", \"+14155550101\"]}");
        String session = JsonPath.read(
                api(
                                "POST",
                                "/api/v1/services/default/sessions",
                                "{\"participants\": [{\"number\": \"" + COURIER + "\"}, {\"number\": \"" + CLIENT
                                        + "\"}]}")
                        .body(),
                "$.id");

        browser.get(url("/console"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
        // Labels name the fields; the form is filled and sent with the keyboard alone.
        assertThat(browser.findElement(By.cssSelector("label[for=name]")).getText())
                .startsWith("Your name");
        assertThat(browser.findElement(By.cssSelector("label[for=key]")).getText())
                .isEqualTo("Admin API key");
        browser.switchTo().activeElement().sendKeys("Dana");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        browser.switchTo().activeElement().sendKeys(KEY, org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("active-sessions")));

        for (String page : List.of(
                "/console",
                "/console/numbers",
                "/console/sessions",
                "/console/events",
                "/console/services/default/sessions/" + session)) {
            browser.get(url(page));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("horizontal overflow of " + page).isLessThanOrEqualTo(0L);
        }

        browser.get(url("/console/numbers"));
        browser.findElement(By.id("check-handlers")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.error"), "SignalWire is not configured: set CALLMASK_SIGNALWIRE_SPACE_URL"));
    }
}
