package dev.acp4j.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for 127.0.0.1 that no CA signed, made at test time with the JDK's keytool: the
 * server's TLS context, and the certificate as a PEM file (what a user gives as {@code caBundle}).
 */
final class SelfSignedCertificate {

    private static final char[] PASSWORD = "changeit".toCharArray();

    final Path pem;
    final SSLContext serverContext;
    /** A client context that trusts this certificate only (the test playing the user's browser). */
    final SSLContext clientContext;

    private SelfSignedCertificate(Path pem, SSLContext serverContext, SSLContext clientContext) {
        this.pem = pem;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    static SelfSignedCertificate create(Path directory, String name) throws Exception {
        Path keystore = directory.resolve(name + ".p12");
        Path pem = directory.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=acp4j test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        return new SelfSignedCertificate(pem, context(keystore), trusting(keystore));
    }

    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static SSLContext context(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
