package dev.acp4j.auth.oauth;

import java.net.URI;
import java.nio.file.Path;
import dev.acp4j.auth.config.ClientRules;

/**
 * The rule for plain {@code http://}: OAuth requests carry secrets, so they go over TLS except to
 * the user's own machine (127.0.0.1, ::1, localhost). Also words a TLS failure for the user.
 */
public final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /**
     * Whether {@code host} (as {@link URI#getHost()} gives it) is one of the loopback names.
     *
     * @param host a host, or null
     * @return true for a loopback name
     */
    public static boolean isLoopback(String host) {
        return ClientRules.isLoopback(host);
    }

    /**
     * Whether {@code uri} is {@code https}, or {@code http} to a loopback host.
     *
     * @param uri the URI
     * @return true when it may be used
     */
    public static boolean allowed(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
    }

    /** @throws IllegalArgumentException for a plain {@code http://} URL to another host than loopback */
    static void requireTls(URI uri) {
        if (!allowed(uri)) {
            throw new IllegalArgumentException("plain http:// is only allowed to 127.0.0.1, ::1 or localhost, not "
                    + OAuthHttp.withoutQuery(uri) + "; use https://");
        }
    }

    /** What a user reads when the TLS handshake with {@code url} failed. */
    static String tlsFailure(String url, Exception e, Path caBundle) {
        String reason = rootMessage(e);
        String advice = caBundle == null
                ? "if its certificate is signed by your organisation's own CA, give the method (or the mcpClients"
                        + " entry) a caBundle: a PEM file of that CA's certificate"
                : "its certificate is signed by none of the JVM's CAs nor by those of caBundle " + caBundle;
        return "could not reach " + url + ": the TLS connection failed (" + reason + "); " + advice;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
