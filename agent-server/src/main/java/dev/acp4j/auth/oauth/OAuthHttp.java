package dev.acp4j.auth.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.net.URI;
import javax.net.ssl.SSLException;
import java.time.Duration;

/**
 * Sends the Nimbus-built requests with our timeouts; never follows redirects. Every request asks
 * for JSON ({@code Accept: application/json}): some providers (GitHub) answer form-encoded bodies
 * otherwise. HTTPS trusts the JVM's default CAs plus the method's {@link TrustBundle}; plain
 * {@code http://} only reaches loopback hosts ({@link LoopbackHttp}).
 */
final class OAuthHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private OAuthHttp() {
    }

    static HTTPResponse send(HTTPRequest request) {
        return send(request, TrustBundle.DEFAULT);
    }

    static HTTPResponse send(HTTPRequest request, TrustBundle trust) {
        URI uri = request.getURI();
        requireHttp(uri);
        if (trust.socketFactory() != null) {
            request.setSSLSocketFactory(trust.socketFactory());
        }
        request.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        request.setReadTimeout((int) READ_TIMEOUT.toMillis());
        request.setFollowRedirects(false);
        if (request.getAccept() == null) {
            request.setAccept("application/json");
        }
        try {
            return request.send();
        } catch (SSLException e) {
            throw new OAuthException(null, LoopbackHttp.tlsFailure(withoutQuery(uri), e, trust.file()), e);
        } catch (IOException e) {
            throw new OAuthException(null, "could not reach " + withoutQuery(uri) + ": " + e, e);
        }
    }

    static URI requireHttp(URI uri) {
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("not an http(s) URL: " + withoutQuery(uri));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + withoutQuery(uri));
        }
        LoopbackHttp.requireTls(uri);
        return uri;
    }

    /** The URL without query or fragment, safe to put in a message. */
    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
