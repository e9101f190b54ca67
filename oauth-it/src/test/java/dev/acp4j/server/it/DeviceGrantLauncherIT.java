package dev.acp4j.server.it;

import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.OTHER_PUBLIC_CLIENT;
import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.PUBLIC_CLIENT;
import static dev.acp4j.auth.oauth.EmbeddedAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.auth.oauth.EmbeddedAuthorizationServer;
import dev.acp4j.testing.QueryString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628) through the real launcher against a real Spring
 * Authorization Server: the verification page reaches the user as a URL elicitation, the agent
 * polls until the user approves in a browser, and logout revokes what it stored.
 */
class DeviceGrantLauncherIT extends AuthorizationServerLauncherTestBase {

    @Test
    void signsInWithTheDeviceGrantThroughAUrlElicitationAndRevokesOnLogout() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config(PUBLIC_CLIENT).toString());
        agent.initialize(URL_CLIENT);
        assertThat(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()))
                .at("/error/code").asInt()).as("before sign-in").isEqualTo(-32000);

        long authId = agent.request("authenticate", Map.of("methodId", "tenant-device"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
        assertThat(elicitation.at("/params/mode").asText()).isEqualTo("url");
        assertThat(elicitation.at("/params/requestId").asLong()).isEqualTo(authId);
        URI verification = URI.create(elicitation.at("/params/url").asText());
        assertThat(verification.toString()).startsWith(base + "/oauth2/device_verification?");
        String userCode = QueryString.of(verification).get("user_code");
        assertThat(userCode).isNotBlank();
        assertThat(elicitation.at("/params/message").asText()).contains(userCode);
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        HttpResponse<String> approved = browser.consent(verification, userCode, true, SCOPE);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).contains("success");

        JsonNode complete = agent.await(m -> "elicitation/complete".equals(m.path("method").asText()), 30_000);
        assertThat(complete.at("/params/elicitationId").asText())
                .isEqualTo(elicitation.at("/params/elicitationId").asText());
        assertThat(agent.awaitResponse(authId).get("result").isObject()).isTrue();
        agent.newSession(home);

        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        JsonNode stored = AgentProcess.JSON.readTree(store.toFile()).at("/credentials/tenant");
        String accessToken = stored.get("secret").asText();
        String refreshToken = stored.get("refreshToken").asText();
        assertThat(EmbeddedAuthorizationServer.active(issuer, accessToken)).as("the stored token works").isTrue();

        assertThat(agent.call("logout", Map.of()).get("result").isObject()).isTrue();
        assertThat(EmbeddedAuthorizationServer.active(issuer, refreshToken)).as("refresh token after logout").isFalse();
        assertThat(AgentProcess.JSON.readTree(store.toFile()).at("/credentials/tenant").isMissingNode()).isTrue();
        assertThat(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()))
                .at("/error/code").asInt()).as("after logout").isEqualTo(-32000);

        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        for (String secret : List.of(accessToken, refreshToken)) {
            assertThat(String.join("\n", agent.stdoutLines())).doesNotContain(secret);
            assertThat(agent.stderr()).doesNotContain(secret);
        }
    }

    @Test
    void whenTheUserDeniesAuthenticateFailsWithAuthRequiredAndNothingIsStored() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config(OTHER_PUBLIC_CLIENT).toString());
        agent.initialize(URL_CLIENT);
        long authId = agent.request("authenticate", Map.of("methodId", "tenant-device"));
        JsonNode elicitation = agent.await(m -> "elicitation/create".equals(m.path("method").asText()), 15_000);
        URI verification = URI.create(elicitation.at("/params/url").asText());
        agent.respond(elicitation.get("id"), Map.of("action", "accept"));

        HttpResponse<String> denied = browser.consent(verification,
                QueryString.of(verification).get("user_code"), false, SCOPE);
        assertThat(denied.statusCode()).isEqualTo(400);

        // the agent learns of the denial at its next poll, after the interval the server asked for
        JsonNode answer = agent.await(m -> m.path("id").asLong(-1) == authId && !m.has("method"), 30_000);
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(answer.at("/error/message").asText()).containsIgnoringCase("denied");
        Path store = home.resolve(".config/acp4j/credentials.json");
        assertThat(!Files.exists(store) || AgentProcess.JSON.readTree(store.toFile()).at("/credentials/tenant").isMissingNode())
                .as("no credential stored").isTrue();
        assertThat(agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()))
                .at("/error/code").asInt()).isEqualTo(-32000);
    }

    private Path config(String clientId) throws Exception {
        Path config = home.resolve("device.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "tenant-device", "type": "oauth2", "name": "Sign in with Tenant", "provider": "tenant",
                   "issuer": "%s", "clientId": "%s", "scopes": ["%s"], "flow": "device_code"}
                ]}""".formatted(issuer, clientId, SCOPE));
        return config;
    }
}
