package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.server.it.ConfidentialProvider.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4 through {@code bin/acp4j}: an authorization server on a self-signed certificate
 * (made at test time, served by the JDK's HttpsServer on 127.0.0.1) is refused with a TLS message
 * until the method names the certificate as its {@code caBundle}, which is added to the default
 * trust for discovery, the device grant, the token requests and refresh. Plain {@code http://}
 * reaches loopback hosts only: in the configuration a start-up error, in discovered metadata a
 * sign-in error.
 */
class TlsTrustLauncherIT extends LauncherTestBase {

    private static final String SECRET = "cs-tls-4Hn8Qw2Er6Ty";

    private SelfSignedCertificate certificate;
    private ConfidentialProvider provider;

    @BeforeEach
    void startProvider() throws Exception {
        certificate = SelfSignedCertificate.create(home, "corp-ca");
        provider = new ConfidentialProvider(SECRET, List.of("client_secret_basic"), certificate.serverContext);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private Path config(String issuer, String extra) throws Exception {
        Path secret = home.resolve("secret");
        Files.writeString(secret, SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
        Path config = home.resolve("corp.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "corp", "type": "oauth2", "name": "Sign in with Corp", "issuer": "%s",
                  "clientId": "%s", "clientSecretFile": "%s", "flow": "device_code", "timeoutSeconds": 60%s}]}"""
                .formatted(issuer, ConfidentialProvider.CLIENT_ID, secret, extra));
        return config;
    }

    private AgentProcess run(Path config, String... action) throws Exception {
        String[] args = new String[action.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(action, 0, args, 2, action.length);
        AgentProcess process = start(Map.of("ACP4J_NO_BROWSER", "1"), args);
        skipTranscriptCheck(process);
        process.closeStdin();
        assertThat(process.waitFor(60_000)).as("exits").isTrue();
        return process;
    }

    @Test
    void aSelfSignedServerIsRefusedWithATlsMessageUntilTheMethodNamesItsCertificateAsCaBundle() throws Exception {
        assertThat(provider.issuer().getScheme()).isEqualTo("https");

        AgentProcess refused = run(config(provider.issuer().toString(), ""), "--login", "corp");
        assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(1);
        assertThat(refused.stderr()).contains("could not reach " + provider.issuer())
                .contains("the TLS connection failed").contains("give the method (or the mcpClients entry) a caBundle");
        assertThat(provider.requests()).isEmpty();

        Path config = config(provider.issuer().toString(), ", \"caBundle\": \"" + certificate.pem + "\"");
        AgentProcess login = run(config, "--login", "corp");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stderr()).contains("Logged in with 'corp'");
        AgentProcess again = run(config, "--login", "corp"); // refreshes the 60-second token over the same trust
        assertThat(again.stderr()).contains("Already signed in").contains("refreshed");
        assertThat(provider.requests()).extracting(Request::grant)
                .containsExactly("device", "urn:ietf:params:oauth:grant-type:device_code", "refresh_token");
    }

    @Test
    void plainHttpToAnotherHostThanLoopbackIsAStartUpError() throws Exception {
        AgentProcess agent = run(config("http://auth.corp.example", ""));

        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.stderr()).contains("issuer 'http://auth.corp.example' uses plain http://, which is only allowed"
                + " to 127.0.0.1, ::1 or localhost; use https://");
    }

    @Test
    void plainHttpInDiscoveredMetadataIsASignInError() throws Exception {
        provider.tokenEndpointInMetadata("http://auth.corp.example/token");
        AgentProcess login = run(config(provider.issuer().toString(), ", \"caBundle\": \"" + certificate.pem + "\""),
                "--login", "corp");

        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stderr()).contains("plain http:// is only allowed to 127.0.0.1, ::1 or localhost, not"
                + " http://auth.corp.example/token");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void aCaBundleThatHoldsNoCertificateIsAStartUpErrorNamingTheFile() throws Exception {
        Path notPem = Files.writeString(home.resolve("not-a-bundle.pem"), "hello\n");
        AgentProcess agent = run(config(provider.issuer().toString(), ", \"caBundle\": \"" + notPem + "\""));

        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.stderr()).contains("caBundle " + notPem);
    }
}
