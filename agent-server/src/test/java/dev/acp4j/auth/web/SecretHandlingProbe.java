package dev.acp4j.auth.web;

import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child-process half of {@link SecretsNeverLoggedTest}: handles {@link #SECRET} in every
 * way the store and the pages can (damaged files, writes, failures, rejected and accepted
 * submissions, redirects) so the parent can search everything this process wrote.
 * Argument: a scratch directory. Exits non-zero naming the step that misbehaved.
 */
public final class SecretHandlingProbe {

    static final String SECRET = "sk_LEAKCHECK_7f3a9c2e51";

    private SecretHandlingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try {
            store(dir);
            apiKeyPage();
            codeEntryPage();
            redirect();
        } catch (AssertionError e) {
            System.err.println("PROBE FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void check(boolean condition, String step) {
        if (!condition) {
            throw new AssertionError(step);
        }
    }

    private static void store(Path dir) throws Exception {
        Path file = dir.resolve("conf").resolve("credentials.json");
        Files.createDirectories(file.getParent());
        // Unquoted, so a parser error message would quote it.
        Files.writeString(file, "{\"version\":1,\"credentials\":{\"openai\":{\"secret\":" + SECRET + "}}}");
        CredentialStore store = new CredentialStore(file);
        check(store.all().isEmpty(), "damaged file reads as empty");
        StoredCredential credential = StoredCredential.oauth2("openai", "m", SECRET, SECRET, null, Instant.now(),
                Map.of("clientSecret", SECRET));
        store.put("openai", credential);
        check(store.get("openai").orElseThrow().secret().equals(SECRET), "round trip");
        check(!credential.toString().contains(SECRET), "toString");

        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");
        try {
            new CredentialStore(blocked.resolve("credentials.json")).put("openai", credential);
            check(false, "writing below a file fails");
        } catch (UncheckedIOException e) {
            System.err.println("expected failure: " + e);
        }
        store.clear();
    }

    private static void apiKeyPage() throws Exception {
        WebTestClient client = new WebTestClient();
        try (ApiKeyPage page = ApiKeyPage.open("Key", "Paste it", KeyValidator.plausible("sk_.*"))) {
            HttpResponse<String> form = client.get(page.url());
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            check(token.find(), "form token");
            String cookie = "acp4j_csrf=" + token.group(1);
            String body = WebTestClient.form(Map.of("csrf", token.group(1), "key", SECRET));

            check(client.post(page.url(), body, "Origin", "https://evil.example", "Cookie", cookie)
                    .statusCode() == 403, "foreign origin");
            check(client.post(page.url(), body).statusCode() == 403, "no cookie");
            check(client.post(page.url(), WebTestClient.form(Map.of("csrf", SECRET, "key", SECRET)),
                    "Cookie", cookie).statusCode() == 403, "wrong token");
            check(client.post(page.url(), "csrf=" + token.group(1) + "&key=%ZZ" + SECRET, "Cookie", cookie)
                    .statusCode() == 400, "malformed form");
            check(client.post(page.url(), WebTestClient.form(Map.of("csrf", token.group(1), "key", SECRET + " x")),
                    "Cookie", cookie).statusCode() == 200, "invalid key");
            check(client.post(page.url(), body, "Cookie", cookie).statusCode() == 200, "valid key");
            check(page.key().get(5, TimeUnit.SECONDS).equals(SECRET), "key delivered");
        }
    }

    private static void codeEntryPage() throws Exception {
        WebTestClient client = new WebTestClient();
        URI authorize = URI.create("https://auth.example.com/authorize?state=expected-state");
        try (CodeEntryPage page = CodeEntryPage.open("Code", "Paste it", authorize, pasted -> {
            dev.acp4j.auth.oauth.PastedCode code = dev.acp4j.auth.oauth.PastedCode.parse(pasted);
            return code.stateProblem("expected-state");
        })) {
            HttpResponse<String> form = client.get(page.url());
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            check(token.find(), "code page form token");
            String cookie = "acp4j_csrf=" + token.group(1);
            check(client.post(page.url(), WebTestClient.form(Map.of("csrf", token.group(1), "code", SECRET)),
                    "Origin", "https://evil.example", "Cookie", cookie).statusCode() == 403, "code page foreign origin");
            HttpResponse<String> refused = client.post(page.url(), WebTestClient.form(Map.of("csrf", token.group(1),
                    "code", SECRET + "#" + SECRET)), "Cookie", cookie);
            check(refused.statusCode() == 200 && !refused.body().contains(SECRET), "code page wrong state");
            check(client.post(page.url(), WebTestClient.form(Map.of("csrf", token.group(1),
                    "code", SECRET + "#expected-state")), "Cookie", cookie).statusCode() == 200, "code page accepted");
            check(page.code().get(5, TimeUnit.SECONDS).equals(SECRET + "#expected-state"), "code delivered");
        }
    }

    private static void redirect() throws Exception {
        WebTestClient client = new WebTestClient();
        try (OAuthRedirectListener listener = OAuthRedirectListener.start(0, "/callback")) {
            listener.expectState("expected-state");
            URI base = listener.redirectUri();
            check(client.get(URI.create(base + "?code=" + SECRET + "&state=" + SECRET)).statusCode() == 400,
                    "wrong state");
            check(client.get(URI.create(base + "?code=" + SECRET + "&state=expected-state")).statusCode() == 200,
                    "right state");
            check(listener.callback().get(5, TimeUnit.SECONDS).get("code").equals(SECRET), "code delivered");
            check(client.get(URI.create(base + "?code=" + SECRET + "&state=expected-state")).statusCode() == 410,
                    "replay");
        }
    }
}
