package dev.acp4j.auth.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rules of an {@code oauth2} method's provider API settings ({@code headers}, {@code apiBaseUrl},
 * {@code exchange}); the URLs themselves are checked with the method's other URLs by {@link AuthMethodRules}.
 */
final class ProviderApiRules {

    private ProviderApiRules() {
    }

    static void check(AuthMethodConfig.OAuthConfig oauth, String label, Consumer<String> problems) {
        headers(oauth.headers(), "headers", label, problems);
        oauth.headers().keySet().stream().filter(name -> name.equalsIgnoreCase("Authorization")).findFirst()
                .ifPresent(name -> problems.accept(label + ": headers may not set Authorization: the credential itself"
                        + " is what the agent sends there"));
        ExchangeConfig exchange = oauth.exchange();
        if (exchange == null) {
            return;
        }
        if (exchange.endpoint() == null) {
            problems.accept(label + ": exchange needs an \"endpoint\"");
        }
        if (!ExchangeConfig.GET.equals(exchange.method()) && !ExchangeConfig.POST.equals(exchange.method())) {
            problems.accept(label + ": exchange.method must be GET or POST");
        }
        headers(exchange.headers(), "exchange.headers", label, problems);
        TokenPlacement placement = TokenPlacement.parse(exchange.tokenPlacement()).orElse(null);
        if (placement == null) {
            problems.accept(label + ": exchange.tokenPlacement must be " + TokenPlacement.FORMS);
        } else if (placement.where() == TokenPlacement.Where.FORM && !ExchangeConfig.POST.equals(exchange.method())) {
            problems.accept(label + ": exchange.tokenPlacement '" + exchange.tokenPlacement()
                    + "' needs \"method\": \"POST\" (a GET request has no form body)");
        } else if (placement.where() != TokenPlacement.Where.QUERY && placement.where() != TokenPlacement.Where.FORM) {
            String header = placement.where() == TokenPlacement.Where.AUTHORIZATION ? "Authorization" : placement.name();
            exchange.headers().keySet().stream().filter(name -> name.equalsIgnoreCase(header)).findFirst()
                    .ifPresent(name -> problems.accept(label + ": exchange.headers sets " + name
                            + ", which exchange.tokenPlacement uses for the token"));
        }
        field(exchange.tokenField(), "tokenField", label, problems);
        field(exchange.expiresAtField(), "expiresAtField", label, problems);
        field(exchange.expiresInField(), "expiresInField", label, problems);
        field(exchange.apiBaseUrlField(), "apiBaseUrlField", label, problems);
        if (exchange.expiresAtField() != null && exchange.expiresInField() != null) {
            problems.accept(label + ": exchange has both expiresAtField and expiresInField; give one");
        }
    }

    private static void headers(Map<String, String> headers, String key, String label, Consumer<String> problems) {
        headers.forEach((name, value) -> {
            if (!HttpToken.is(name)) {
                problems.accept(label + ": " + key + ": '" + name + "' is not a header name");
            } else if (!HttpToken.isFieldValue(value)) {
                problems.accept(label + ": " + key + "." + name + " must be printable text on one line");
            } else if (name.toLowerCase(Locale.ROOT).equals("host") || name.equalsIgnoreCase("content-length")) {
                problems.accept(label + ": " + key + " may not set " + name);
            }
        });
    }

    private static void field(String path, String key, String label, Consumer<String> problems) {
        if (path != null && (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains(".."))) {
            problems.accept(label + ": exchange." + key + " must be a field name or a dotted path such as endpoints.api");
        }
    }
}
