package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyPageTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String KEY = "sk-test-0123456789abcdef";

    private final WebTestClient client = new WebTestClient();
    private ApiKeyPage page;

    @BeforeEach
    void open() throws IOException {
        page = ApiKeyPage.open("Enter your <Example> API key", "Paste the key from \"Settings\" & save.",
                KeyValidator.plausible("sk-[A-Za-z0-9-]+"));
    }

    @AfterEach
    void close() {
        page.close();
    }

    /** The form's token and the matching cookie, as a browser would hold them after a GET. */
    private record Session(String token, String cookie) {
    }

    private Session load() throws Exception {
        HttpResponse<String> response = client.get(page.url());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher field = CSRF_FIELD.matcher(response.body());
        assertThat(field.find()).as("hidden token field").isTrue();
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return new Session(field.group(1), setCookie.substring(0, setCookie.indexOf(';')));
    }

    private HttpResponse<String> submit(Session session, String key, String... headers) throws Exception {
        return client.post(page.url(), WebTestClient.form(Map.of("csrf", session.token(), "key", key)),
                concat(new String[] {"Cookie", session.cookie()}, headers));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void theUrlIsAnUnguessablePathOnTheIpv4Loopback() {
        assertThat(page.url().getScheme()).isEqualTo("http");
        assertThat(page.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(page.url().getPort()).isPositive();
        assertThat(page.url().getPath()).matches("/[A-Za-z0-9_-]{43}");
    }

    @Test
    void eachPageHasItsOwnPathAndToken() throws Exception {
        try (ApiKeyPage other = ApiKeyPage.open("t", "e", KeyValidator.nonEmpty())) {
            assertThat(other.url().getPath()).isNotEqualTo(page.url().getPath());
            String otherToken = CSRF_FIELD.matcher(client.get(other.url()).body()).results()
                    .findFirst().orElseThrow().group(1);
            assertThat(otherToken).isNotEqualTo(load().token());
        }
    }

    @Test
    void getShowsAnEscapedFormWithATokenAStrictCookieAndSecurityHeaders() throws Exception {
        HttpResponse<String> response = client.get(page.url());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Enter your &lt;Example&gt; API key", "&quot;Settings&quot; &amp; save.",
                        "type=\"password\"", "name=\"key\"", "method=\"post\"")
                .doesNotContain("<Example>");
        String token = CSRF_FIELD.matcher(response.body()).results().findFirst().orElseThrow().group(1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("acp4j_csrf=" + token + ";")
                .contains("Path=" + page.url().getPath(), "SameSite=Strict", "HttpOnly"));
        assertSecurityHeaders(response);
    }

    static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void aPostWithoutTheCookieIsForbidden() throws Exception {
        Session session = load();

        HttpResponse<String> response = client.post(page.url(),
                WebTestClient.form(Map.of("csrf", session.token(), "key", KEY)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(page.key()).isNotDone();
    }

    @Test
    void aPostWhoseTokenDoesNotMatchIsForbidden() throws Exception {
        Session session = load();

        HttpResponse<String> wrongField = submit(new Session("forged-token", session.cookie()), KEY);
        HttpResponse<String> wrongCookie = submit(new Session(session.token(), "acp4j_csrf=forged-token"), KEY);
        // Double-submit alone would accept a cookie and field planted together.
        HttpResponse<String> plantedPair = submit(new Session("planted", "acp4j_csrf=planted"), KEY);
        HttpResponse<String> noField = client.post(page.url(), WebTestClient.form(Map.of("key", KEY)),
                "Cookie", session.cookie());

        assertThat(wrongField.statusCode()).isEqualTo(403);
        assertThat(wrongCookie.statusCode()).isEqualTo(403);
        assertThat(plantedPair.statusCode()).isEqualTo(403);
        assertThat(noField.statusCode()).isEqualTo(403);
        assertThat(page.key()).isNotDone();
    }

    @Test
    void aPostFromAForeignOriginIsForbidden() throws Exception {
        Session session = load();

        HttpResponse<String> response = submit(session, KEY, "Origin", "https://evil.example");
        HttpResponse<String> otherPort = submit(session, KEY, "Origin", "http://127.0.0.1:1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(otherPort.statusCode()).isEqualTo(403);
        assertThat(page.key()).isNotDone();
    }

    @Test
    void aPostFromThePageItselfIsAccepted() throws Exception {
        Session session = load();
        String origin = "http://127.0.0.1:" + page.url().getPort();

        HttpResponse<String> response = submit(session, KEY, "Origin", origin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page.key()).isCompletedWithValue(KEY);
    }

    @Test
    void theOpaqueOriginThatNoReferrerPagesSendIsAccepted() throws Exception {
        HttpResponse<String> response = submit(load(), KEY, "Origin", "null");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page.key()).isCompletedWithValue(KEY);
    }

    @Test
    void anInvalidKeyShowsTheFormAgainWithTheMessageButNotTheKey() throws Exception {
        Session session = load();

        HttpResponse<String> response = submit(session, "sk-has space-123");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("That does not look like an API key: it contains spaces or line breaks.")
                .contains("type=\"password\"", "name=\"csrf\" value=\"" + session.token() + "\"")
                .doesNotContain("has space", "sk-has");
        assertThat(page.key()).isNotDone();
    }

    @Test
    void aValidKeyCompletesTheFutureAndThePageIsThenGone() throws Exception {
        Session session = load();

        HttpResponse<String> response = submit(session, "  " + KEY + "\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Key received — you can close this tab.").doesNotContain(KEY);
        assertSecurityHeaders(response);
        assertThat(page.key().get(5, TimeUnit.SECONDS)).isEqualTo(KEY);
        assertThat(client.get(page.url()).statusCode()).isEqualTo(410);
        assertThat(submit(session, "sk-another-key-123").statusCode()).isEqualTo(410);
        assertThat(client.get(page.url().resolve("/elsewhere")).statusCode()).isEqualTo(410);
        assertThat(page.key()).isCompletedWithValue(KEY);
    }

    @Test
    void theBrowserGetsTheWholeAnswerPageEvenIfTheFlowClosesThePageAtOnce() throws Exception {
        Session session = load();
        // The sign-in flow closes the page as soon as it has the key; here it does so on the very thread that
        // received it, the tightest race there can be with the answer still to be written.
        page.key().thenRun(page::close);

        HttpResponse<String> response = submit(session, KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Key received — you can close this tab.").endsWith("</html>\n");
        assertThat(page.key()).isCompletedWithValue(KEY);
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        HttpResponse<String> root = client.get(page.url().resolve("/"));
        HttpResponse<String> below = client.get(page.url().resolve(page.url().getPath() + "/x"));

        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(below.statusCode()).isEqualTo(404);
        assertSecurityHeaders(root);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        Session session = load();
        String huge = "sk-" + "a".repeat(ApiKeyPage.MAX_BODY_BYTES);

        HttpResponse<String> response = submit(session, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(page.key()).isNotDone();
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() throws Exception {
        Session session = load();

        HttpResponse<String> response = client.post(page.url(), "{\"key\":\"" + KEY + "\"}",
                "Cookie", session.cookie(), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(page.key()).isNotDone();
    }

    @Test
    void theServerListensOnTheLoopbackInterfaceOnly() throws Exception {
        InetSocketAddress bound = page.address();
        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");

        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "a non-loopback address to try");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), bound.getPort()), 2000);
            }
        }).isInstanceOfAny(ConnectException.class, SocketTimeoutException.class);
    }

    @Test
    void requestsForAnotherHostNameAreRefused() throws Exception {
        assertThat(WebTestClient.statusLineWithHost(page.url(), "evil.example:" + page.url().getPort()))
                .contains(" 400 ");
        assertThat(WebTestClient.statusLineWithHost(page.url(), "localhost:" + page.url().getPort()))
                .contains(" 200 ");
    }

    @Test
    void closingCancelsTheFutureAndStopsServing() {
        page.close();

        assertThatThrownBy(() -> page.key().get(5, TimeUnit.SECONDS))
                .isInstanceOfAny(CancellationException.class, ExecutionException.class);
        assertThat(page.key()).isCompletedExceptionally();
        assertThatThrownBy(() -> client.get(page.url())).isInstanceOf(IOException.class);
    }
}
