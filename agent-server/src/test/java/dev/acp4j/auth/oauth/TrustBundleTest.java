package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caBundle is added to the JVM's default trust, never in its place; a file without certificates is named. */
class TrustBundleTest {

    @TempDir
    Path dir;

    @Test
    void theBundlesCertificatesAreTrustedBesideTheDefaultOnes() throws Exception {
        Path pem = certificate("one");
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(pem) + Files.readString(certificate("two")));

        int defaults = defaultIssuers();
        assertThat(defaults).as("the JVM ships CA certificates").isPositive();
        assertThat(issuers(TrustBundle.of(pem))).isEqualTo(defaults + 1);
        assertThat(issuers(TrustBundle.of(both))).isEqualTo(defaults + 2);
        assertThat(TrustBundle.of(pem)).isSameAs(TrustBundle.of(pem.toString()));
        assertThat(TrustBundle.of((String) null)).isSameAs(TrustBundle.DEFAULT);
        assertThat(TrustBundle.DEFAULT.sslContext()).isNull();
    }

    @Test
    void aFileWithoutCertificatesOrAMissingFileIsNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TrustBundle.of(empty)).hasMessageStartingWith("caBundle " + empty.toAbsolutePath());
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TrustBundle.of(missing)).hasMessage("caBundle " + missing + ": no such file");
    }

    private static int issuers(TrustBundle bundle) {
        return bundle.trustManager().getAcceptedIssuers().length;
    }

    private static int defaultIssuers() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers().length;
    }

    private Path certificate(String name) throws Exception {
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }
}
