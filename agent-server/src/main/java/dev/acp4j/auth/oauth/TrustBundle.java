package dev.acp4j.auth.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates an HTTPS server of one auth method (or MCP client entry) may be signed by: the
 * JVM's default trust, plus the CA certificates of a configured {@code caBundle} PEM file. The
 * bundle is added to the default trust, never in its place; hostnames are checked as always.
 */
public final class TrustBundle {

    /** The JVM's default trust alone. */
    public static final TrustBundle DEFAULT = new TrustBundle(null, null, null);

    private static final Map<Path, TrustBundle> LOADED = new ConcurrentHashMap<>();

    private final Path file;
    private final SSLContext context;
    private final X509TrustManager trustManager;

    private TrustBundle(Path file, SSLContext context, X509TrustManager trustManager) {
        this.file = file;
        this.context = context;
        this.trustManager = trustManager;
    }

    /**
     * The default trust plus the certificates of {@code caBundle}; loaded once per file and process.
     *
     * @param caBundle a PEM file with one or more certificates, or null for {@link #DEFAULT}
     * @return the trust
     * @throws InvalidBundleException naming the file when it cannot be read or holds no certificate
     */
    public static TrustBundle of(Path caBundle) {
        if (caBundle == null) {
            return DEFAULT;
        }
        return LOADED.computeIfAbsent(caBundle.toAbsolutePath().normalize(), TrustBundle::load);
    }

    /**
     * {@link #of(Path)} of a path as configured, or {@link #DEFAULT} for null.
     *
     * @param caBundle the configured path, or null
     * @return the trust
     */
    public static TrustBundle of(String caBundle) {
        return caBundle == null ? DEFAULT : of(Path.of(caBundle));
    }

    private static TrustBundle load(Path file) {
        List<X509Certificate> certificates = certificates(file);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            X509ExtendedTrustManager bundle = trustManager(store);
            X509ExtendedTrustManager jvm = trustManager(null);
            EitherTrustManager either = new EitherTrustManager(jvm, bundle);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {either}, null);
            return new TrustBundle(file, context, either);
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidBundleException("caBundle " + file + " cannot be used (" + e.getMessage() + ")", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new InvalidBundleException("caBundle " + file + ": no such file", e);
        } catch (IOException e) {
            throw new InvalidBundleException("caBundle " + file + " cannot be read (" + e.getMessage() + ")", e);
        } catch (CertificateException e) {
            throw new InvalidBundleException("caBundle " + file + " is not a PEM file of certificates ("
                    + e.getMessage() + ")", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : read) {
            if (certificate instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidBundleException("caBundle " + file + " holds no certificate (expected PEM blocks"
                    + " -----BEGIN CERTIFICATE-----)", null);
        }
        return certificates;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** {@return the configured file, or null for the default trust} */
    public Path file() {
        return file;
    }

    /** {@return the TLS context for {@code java.net.http.HttpClient}, or null for the JVM's default} */
    public SSLContext sslContext() {
        return context;
    }

    /** {@return the socket factory for Nimbus requests, or null for the JVM's default} */
    public SSLSocketFactory socketFactory() {
        return context == null ? null : context.getSocketFactory();
    }

    /** The trust manager of {@link #sslContext()}, or null for the JVM's default. */
    X509TrustManager trustManager() {
        return trustManager;
    }

    @Override
    public String toString() {
        return file == null ? "TrustBundle[default]" : "TrustBundle[default + " + file + "]";
    }

    /** A caBundle file that cannot be used. */
    public static final class InvalidBundleException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidBundleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Trusts a chain either manager trusts (each checks hostnames as configured on the connection). */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException e) {
                try {
                    check.run(second);
                } catch (CertificateException ignored) {
                    throw e;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Stream.of(first.getAcceptedIssuers()), Stream.of(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
