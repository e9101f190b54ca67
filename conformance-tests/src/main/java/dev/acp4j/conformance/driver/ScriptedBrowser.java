package dev.acp4j.conformance.driver;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's stand-in for the user's browser on a sign-in page named by a URL elicitation:
 * loads the page (following redirects, keeping cookies), reads its first form (hidden fields
 * such as a CSRF token kept as they are), enters the secret in its password field (else its
 * first empty text field) and submits it as a browser would, with the page's {@code Origin}.
 * Plain HTML forms only: no JavaScript.
 */
public final class ScriptedBrowser {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    /** What became of a sign-in: {@code problem} is null when the form was submitted and not shown again. */
    public record Outcome(String problem) {
        public boolean submitted() {
            return problem == null;
        }
    }

    private final String secret;
    private final Duration timeout;
    private final HttpClient http;

    public ScriptedBrowser(String secret, Duration timeout) {
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(timeout)
                .build();
    }

    /** Opens {@code url}, fills in and submits its form. Never throws; the secret is in no problem text. */
    public Outcome signIn(String url) {
        try {
            URI page = URI.create(url);
            if (!"http".equalsIgnoreCase(page.getScheme()) && !"https".equalsIgnoreCase(page.getScheme())) {
                return new Outcome("the URL " + url + " is not http(s)");
            }
            HttpResponse<String> loaded = http.send(HttpRequest.newBuilder(page).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (loaded.statusCode() != 200) {
                return new Outcome("loading " + url + " answered HTTP " + loaded.statusCode());
            }
            Matcher form = FORM.matcher(loaded.body());
            if (!form.find()) {
                return new Outcome("the page at " + url + " has no form (the scripted browser runs no JavaScript)");
            }
            Map<String, String> formAttributes = attributes(form.group(1));
            Map<String, String> fields = fields(form.group(2));
            if (fields == null) {
                return new Outcome("the form at " + url + " has no password or empty text field for the secret");
            }
            URI base = loaded.uri();
            URI action = base.resolve(formAttributes.getOrDefault("action", base.toString()));
            String body = encode(fields);
            HttpRequest.Builder submit = HttpRequest.newBuilder(action).timeout(timeout)
                    .header("Origin", base.getScheme() + "://" + base.getRawAuthority());
            boolean post = "post".equalsIgnoreCase(formAttributes.getOrDefault("method", "get"));
            HttpRequest request = post
                    ? submit.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build()
                    : HttpRequest.newBuilder(URI.create(action + (action.getRawQuery() == null ? "?" : "&") + body))
                            .timeout(timeout).GET().build();
            HttpResponse<String> answered = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answered.statusCode() >= 400) {
                return new Outcome("submitting the form at " + url + " answered HTTP " + answered.statusCode());
            }
            if (FORM.matcher(answered.body()).find() && fields(extractFirstForm(answered.body())) != null) {
                return new Outcome("the page at " + url + " showed its form again after the submission: "
                        + "it did not accept --auth-secret");
            }
            return new Outcome(null);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome("the scripted browser could not use " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replace(secret, "***")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("interrupted while signing in at " + url);
        }
    }

    /** The form's fields with the secret entered, or null when there is nowhere to enter it. */
    private Map<String, String> fields(String formBody) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        String password = null;
        boolean submitNamed = false;
        Matcher input = INPUT.matcher(formBody);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(2));
            String name = attributes.get("name");
            String type = attributes.getOrDefault("type", input.group(1).equalsIgnoreCase("button") ? "submit" : "text")
                    .toLowerCase(Locale.ROOT);
            if (name == null || attributes.containsKey("disabled")) {
                continue;
            }
            switch (type) {
                case "password" -> {
                    if (password == null) {
                        password = name;
                    }
                    fields.put(name, "");
                }
                case "submit" -> {
                    if (!submitNamed) {
                        fields.put(name, attributes.getOrDefault("value", ""));
                        submitNamed = true;
                    }
                }
                case "checkbox", "radio", "file", "image", "reset", "button" -> {
                    if (attributes.containsKey("checked")) {
                        fields.put(name, attributes.getOrDefault("value", "on"));
                    }
                }
                case "hidden" -> fields.put(name, attributes.getOrDefault("value", ""));
                default -> {
                    String value = attributes.getOrDefault("value", "");
                    fields.put(name, value);
                    if (value.isEmpty()) {
                        candidates.add(name);
                    }
                }
            }
        }
        String target = password != null ? password : candidates.isEmpty() ? null : candidates.get(0);
        if (target == null) {
            return null;
        }
        fields.put(target, secret);
        return fields;
    }

    private static String extractFirstForm(String html) {
        Matcher form = FORM.matcher(html);
        return form.find() ? form.group(2) : "";
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3)
                    : attribute.group(4) != null ? attribute.group(4) : "";
            attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
