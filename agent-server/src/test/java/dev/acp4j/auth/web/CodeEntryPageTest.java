package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-time page where the user pastes a provider's code: the defences of the key page, and a retry. */
class CodeEntryPageTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final URI AUTHORIZE = URI.create("https://auth.example.com/authorize?client_id=c&state=s&x='y'");
    private static final String GOOD = "good-code";

    private final WebTestClient client = new WebTestClient();
    private CodeEntryPage page;

    @BeforeEach
    void open() throws Exception {
        page = CodeEntryPage.open("Sign in with <Example>", "Paste the code.", AUTHORIZE,
                pasted -> pasted.strip().equals(GOOD) ? null : "That code is from another sign-in.");
    }

    @AfterEach
    void close() {
        page.close();
    }

    private record Session(String token, String cookie) {
    }

    private Session load() throws Exception {
        HttpResponse<String> response = client.get(page.url());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher field = CSRF_FIELD.matcher(response.body());
        assertThat(field.find()).isTrue();
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return new Session(field.group(1), setCookie.substring(0, setCookie.indexOf(';')));
    }

    private HttpResponse<String> submit(Session session, String code, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = session.cookie();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.post(page.url(), WebTestClient.form(Map.of("csrf", session.token(), "code", code)), all);
    }

    @Test
    void thePageLinksToTheSignInInANewTabAndHasAHiddenCodeField() throws Exception {
        HttpResponse<String> response = client.get(page.url());

        assertThat(page.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(page.url().getPath()).matches("/[A-Za-z0-9_-]{43}");
        assertThat(response.body())
                .contains("<a href=\"https://auth.example.com/authorize?client_id=c&amp;state=s&amp;x=&#39;y&#39;\""
                        + " target=\"_blank\" rel=\"noopener noreferrer\">Sign in at auth.example.com</a>")
                .contains("Sign in with &lt;Example&gt;", "type=\"password\"", "name=\"code\"", "method=\"post\"")
                .doesNotContain("<Example>", "x='y'");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("acp4j_csrf=", "Path=" + page.url().getPath(), "SameSite=Strict", "HttpOnly"));
        ApiKeyPageTest.assertSecurityHeaders(response);
    }

    @Test
    void aForeignOriginAMissingCookieOrAForgedTokenIsForbidden() throws Exception {
        Session session = load();

        assertThat(submit(session, GOOD, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(client.post(page.url(), WebTestClient.form(Map.of("csrf", session.token(), "code", GOOD)))
                .statusCode()).isEqualTo(403);
        assertThat(submit(new Session("forged", session.cookie()), GOOD).statusCode()).isEqualTo(403);
        assertThat(WebTestClient.statusLineWithHost(page.url(), "evil.example:" + page.url().getPort()))
                .contains(" 400 ");
        assertThat(page.code()).isNotDone();
    }

    @Test
    void aRefusedCodeShowsWhyAndTheUserMayPasteAgain() throws Exception {
        Session session = load();

        HttpResponse<String> refused = submit(session, "old-code#other-state");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\">That code is from another sign-in.")
                .doesNotContain("old-code", "other-state").contains("name=\"code\"");
        assertThat(page.code()).isNotDone();

        HttpResponse<String> accepted = submit(session, " " + GOOD + "\n", "Origin", "null");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Code received").contains("close this tab");
        assertThat(page.code().get(5, TimeUnit.SECONDS)).isEqualTo(" " + GOOD + "\n");
        assertThat(submit(session, GOOD).statusCode()).as("one time only").isEqualTo(410);
        assertThat(client.get(page.url()).statusCode()).isEqualTo(410);
    }

    @Test
    void theBrowserGetsTheWholeAnswerPageEvenIfTheFlowClosesThePageAtOnce() throws Exception {
        Session session = load();
        page.code().thenRun(page::close);

        HttpResponse<String> response = submit(session, GOOD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Code received").endsWith("</html>\n");
        assertThat(page.code()).isCompletedWithValue(GOOD);
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(client.get(page.url().resolve("/other")).statusCode()).isEqualTo(404);
        Session session = load();
        assertThat(client.post(page.url(), "code=" + GOOD + "&csrf=" + session.token(), "Cookie", session.cookie(),
                "Content-Type", "text/plain").statusCode()).isEqualTo(415);
        assertThat(client.post(page.url(), "code=" + "x".repeat(CodeEntryPage.MAX_BODY_BYTES), "Cookie", session.cookie())
                .statusCode()).isEqualTo(413);
    }
}
