package dev.acp4j.server.it;

import java.io.IOException;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the user's browser: opens a page, fills the one form on it (hidden fields
 * as served, the password field with what the user types) and submits it with the page's
 * cookies, as a browser would.
 */
final class ScriptedBrowser {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form\\b[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Page(int status, String body, List<String> cookies, URI uri) {
    }

    Page open(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = new ArrayList<>();
        for (String header : response.headers().allValues("set-cookie")) {
            cookies.add(header.split(";", 2)[0]);
        }
        return new Page(response.statusCode(), response.body(), cookies, uri);
    }

    /** Submits the page's form with {@code secret} typed into its password field. */
    Page submitPassword(Page page, String secret) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher inputs = INPUT.matcher(page.body());
        while (inputs.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(inputs.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            String name = attributes.get("name");
            if (name == null) {
                continue;
            }
            String type = attributes.getOrDefault("type", "text").toLowerCase();
            fields.put(name, type.equals("password") ? secret : attributes.getOrDefault("value", ""));
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        URI target = action.find() && !action.group(1).isEmpty() ? page.uri().resolve(unescape(action.group(1))) : page.uri();
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", page.uri().getScheme() + "://" + page.uri().getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!page.cookies().isEmpty()) {
            request.header("Cookie", String.join("; ", page.cookies()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.body(), page.cookies(), target);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
