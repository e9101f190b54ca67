package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's browser against {@link EmbeddedAuthorizationServer}: signs in on the login form once, then
 * follows authorization URLs and answers device-grant consent pages, keeping the session cookie.
 */
public final class SignedInBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form name=\"consent_form\" method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SignedInBrowser(URI base) {
        this.base = base;
    }

    /** A browser in which {@link EmbeddedAuthorizationServer#USER} has signed in at {@code base}. */
    public static SignedInBrowser signIn(URI base) throws IOException, InterruptedException {
        SignedInBrowser browser = new SignedInBrowser(base);
        HttpResponse<String> page = browser.get(URI.create(base + "/login"));
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("login page has a CSRF token").isTrue();
        String form = "username=" + EmbeddedAuthorizationServer.USER + "&password=" + EmbeddedAuthorizationServer.PASSWORD
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.post(URI.create(base + "/login"), form);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    /**
     * Opens an authorization URL; the server redirects at once (no consent page for the public client).
     * Returns the redirect's query parameters after checking it goes to {@code redirectPrefix}.
     */
    public Map<String, String> authorize(URI authorizationUrl, String redirectPrefix) throws IOException, InterruptedException {
        HttpResponse<String> response = get(authorizationUrl);
        assertThat(response.statusCode()).as("authorization endpoint status").isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectPrefix + "?");
        return QueryString.of(location);
    }

    /**
     * Opens a device verification page (with the user code in its query, as {@code verification_uri_complete}
     * has it) and approves or cancels on the consent page. Returns the server's answer to the consent form.
     */
    public HttpResponse<String> consent(URI verificationPage, String userCode, boolean approve, String scope)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(verificationPage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Consent required").contains(userCode);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("consent form").isTrue();
        StringBuilder form = new StringBuilder();
        Matcher hidden = HIDDEN_INPUT.matcher(page.body());
        while (hidden.find()) {
            form.append(hidden.group(1)).append('=')
                    .append(URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8)).append('&');
        }
        if (approve) {
            form.append("scope=").append(scope);
        }
        return post(base.resolve(action.group(1)), form.toString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
