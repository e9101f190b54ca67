package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.acp4j.auth.config.ExchangeConfig;
import dev.acp4j.auth.config.TokenPlacement;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * Exchanges an OAuth access token for a short-lived API token at a provider's own endpoint (an
 * {@code oauth2} method's {@code exchange}, e.g. GitHub Copilot's
 * {@code GET /copilot_internal/v2/token} with {@code Authorization: token OAUTH_TOKEN}), and reads
 * the token, its expiry and optionally the API base URL from the JSON answer.
 */
public final class TokenExchange {

    private static final int MAX_SERVER_MESSAGE = 200;

    private final Clock clock;

    /**
     * An exchange computing expiries on {@code clock}.
     *
     * @param clock the clock
     */
    public TokenExchange(Clock clock) {
        this.clock = clock;
    }

    /**
     * One exchange.
     *
     * @param config the method's {@code exchange}
     * @param oauthToken the OAuth access token to exchange
     * @return the API token, its expiry and the API base URL
     * @throws TokenExchangeException when no API token came back
     */
    public ExchangedToken exchange(ExchangeConfig config, String oauthToken) {
        return exchange(config, oauthToken, TrustBundle.DEFAULT);
    }

    /**
     * One exchange, trusting {@code trust}'s CAs besides the default ones (the method's {@code caBundle}).
     *
     * @param config the method's {@code exchange}
     * @param oauthToken the OAuth access token to exchange
     * @param trust the CAs to trust
     * @return the API token, its expiry and the API base URL
     * @throws TokenExchangeException when no API token came back
     */
    public ExchangedToken exchange(ExchangeConfig config, String oauthToken, TrustBundle trust) {
        URI endpoint = URI.create(config.endpoint());
        String where = OAuthHttp.withoutQuery(endpoint);
        TokenPlacement placement = TokenPlacement.parse(config.tokenPlacement())
                .orElseThrow(() -> new IllegalArgumentException("exchange.tokenPlacement is not valid"));
        HTTPRequest request = new HTTPRequest(ExchangeConfig.POST.equals(config.method())
                ? HTTPRequest.Method.POST : HTTPRequest.Method.GET,
                placement.where() == TokenPlacement.Where.QUERY ? withQuery(endpoint, placement.name(), oauthToken) : endpoint);
        config.headers().forEach(request::setHeader);
        switch (placement.where()) {
            case AUTHORIZATION -> request.setAuthorization(placement.name() + " " + oauthToken);
            case HEADER -> request.setHeader(placement.name(), oauthToken);
            case FORM -> {
                request.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
                request.setBody(URLUtils.serializeParameters(Map.of(placement.name(), List.of(oauthToken))));
            }
            case QUERY -> {
                // in the URL already
            }
            default -> throw new IllegalStateException(placement.where().toString());
        }
        Instant sentAt = clock.instant();
        HTTPResponse response;
        try {
            response = OAuthHttp.send(request, trust);
        } catch (OAuthException e) {
            throw new TokenExchangeException(0, "the token exchange " + where + " could not be reached"
                    + reason(e.getMessage(), oauthToken, where), e.getCause());
        }
        JSONObject body;
        try {
            body = response.getBodyAsJSONObject();
        } catch (ParseException e) {
            body = null;
        }
        int status = response.getStatusCode();
        if (status >= 400 && status < 500) {
            throw new TokenExchangeException(status, "the token exchange " + where + " refused the token (HTTP "
                    + status + serverMessage(body, oauthToken) + ")", null);
        }
        if (status < 200 || status > 299) {
            throw new TokenExchangeException(status, "the token exchange " + where + " answered HTTP "
                    + status + serverMessage(body, oauthToken), null);
        }
        if (body == null) {
            throw new TokenExchangeException(status, "the token exchange " + where
                    + " answered HTTP " + status + " without a JSON object", null);
        }
        Object token = field(body, config.tokenField());
        if (!(token instanceof String text) || text.isEmpty()) {
            throw new TokenExchangeException(status, "the token exchange " + where + " answered no \""
                    + config.tokenField() + "\" string", null);
        }
        return new ExchangedToken(text, expiry(config, body, sentAt, where, status), apiBaseUrl(config, body));
    }

    private static Instant expiry(ExchangeConfig config, JSONObject body, Instant sentAt, String where, int status) {
        String path = config.expiresInField() != null ? config.expiresInField() : config.expiresAtField();
        Object value = field(body, path);
        if (value == null) {
            return null;
        }
        long seconds;
        if (value instanceof Number number) {
            seconds = number.longValue();
        } else if (value instanceof String text && text.matches("\\d{1,18}")) {
            seconds = Long.parseLong(text);
        } else {
            throw new TokenExchangeException(status, "the token exchange " + where + " answered a \"" + path
                    + "\" that is not a number of seconds", null);
        }
        return config.expiresInField() != null ? sentAt.plusSeconds(seconds) : Instant.ofEpochSecond(seconds);
    }

    private static String apiBaseUrl(ExchangeConfig config, JSONObject body) {
        if (config.apiBaseUrlField() == null || !(field(body, config.apiBaseUrlField()) instanceof String url)) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The value at a dotted path such as {@code endpoints.api}, or null. */
    static Object field(Map<String, Object> body, String path) {
        Object current = body;
        for (String name : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
        }
        return current;
    }

    private static URI withQuery(URI endpoint, String name, String token) {
        String parameter = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String query = endpoint.getRawQuery();
        String base = endpoint.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        return URI.create(base + (query == null ? "?" : "&") + parameter);
    }

    /** The server's own {@code message} / {@code error_description} / {@code error}, short, without the token. */
    private static String serverMessage(JSONObject body, String token) {
        if (body == null) {
            return "";
        }
        for (String key : List.of("message", "error_description", "error")) {
            if (body.get(key) instanceof String text && !text.isBlank()) {
                return ": " + clean(text, token);
            }
        }
        return "";
    }

    private static String reason(String message, String token, String where) {
        return message == null ? "" : " (" + clean(message.replace("could not reach " + where + ": ", ""), token) + ")";
    }

    private static String clean(String text, String token) {
        String cleaned = text.replace(token, "<redacted>")
                .replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "<redacted>")
                .replaceAll("[\\p{Cntrl}]", " ").strip();
        return cleaned.length() > MAX_SERVER_MESSAGE ? cleaned.substring(0, MAX_SERVER_MESSAGE) + "…" : cleaned;
    }
}
