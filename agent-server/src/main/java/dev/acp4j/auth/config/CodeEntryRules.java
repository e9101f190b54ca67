package dev.acp4j.auth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of an {@code oauth2} method's {@code codeEntry} and {@code redirectUri}, applied by
 * {@link AuthMethodRules}: with {@code "codeEntry": "paste"} the provider's own page (its
 * {@code redirectUri}) shows the code, so that page must be named, must be HTTPS (or on this
 * computer), and the method must use the authorization code flow.
 */
final class CodeEntryRules {

    private static final Set<String> CODE_ENTRIES = Set.of(AuthMethodConfig.OAuthConfig.LOOPBACK,
            AuthMethodConfig.OAuthConfig.PASTE);

    private CodeEntryRules() {
    }

    static void check(AuthMethodConfig.OAuthConfig oauth, String label, Set<String> reported, Consumer<String> problems) {
        if (reported.contains("codeEntry")) {
            return;
        }
        if (oauth.codeEntry() != null && !CODE_ENTRIES.contains(oauth.codeEntry())) {
            problems.accept(label + ": codeEntry must be loopback or paste");
            return;
        }
        if (!oauth.pastesCode()) {
            if (oauth.redirectUri() != null) {
                problems.accept(label + ": redirectUri is used only with \"codeEntry\": \"paste\";"
                        + " otherwise the redirect goes to http://127.0.0.1:PORT/callback");
            }
            return;
        }
        if (oauth.redirectUri() == null) {
            if (!reported.contains("redirectUri")) {
                problems.accept(label + ": \"codeEntry\": \"paste\" needs a redirectUri, the provider's page that shows the code");
            }
        } else {
            redirectUri(oauth.redirectUri(), label, problems);
        }
        if ("device_code".equals(oauth.flow())) {
            problems.accept(label + ": \"codeEntry\": \"paste\" is for the authorization code flow;"
                    + " flow device_code has no code to paste");
        }
        if (oauth.redirectPort() != null) {
            problems.accept(label + ": redirectPort is for the loopback redirect; with \"codeEntry\": \"paste\""
                    + " the provider's redirectUri is used");
        }
        boolean deviceWouldDo = oauth.deviceAuthorizationEndpoint() != null && "auto".equals(oauth.flow());
        if (oauth.issuer() == null && !reported.contains("issuer") && oauth.authorizationEndpoint() == null
                && oauth.tokenEndpoint() != null && deviceWouldDo) {
            problems.accept(label + ": \"codeEntry\": \"paste\" needs an issuer or an authorizationEndpoint");
        }
    }

    private static void redirectUri(String value, String label, Consumer<String> problems) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean absolute = uri != null && uri.isAbsolute() && !host.isEmpty();
        if (!absolute || !(scheme.equals("https") || scheme.equals("http") && ClientRules.isLoopback(host))) {
            problems.accept(label + ": redirectUri '" + value + "' must be an absolute https URL"
                    + " (http only on this computer: 127.0.0.1, [::1] or localhost)");
        } else if (uri.getRawFragment() != null) {
            problems.accept(label + ": redirectUri '" + value + "' must not have a fragment (RFC 6749 §3.1.2)");
        }
    }
}
