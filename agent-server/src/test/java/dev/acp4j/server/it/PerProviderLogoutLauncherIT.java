package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.acp4j.auth.OAuthSignIn;
import dev.acp4j.auth.store.CredentialKind;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ACP {@code logout} with {@code _meta: {"provider": P}} or {@code {"methodId": M}} erases and
 * revokes that provider's credentials only; without it, all of this agent's.
 */
class PerProviderLogoutLauncherIT extends LauncherTestBase {

    private static final String CORP_TOKEN = "at-corp-1a3c5e7b9d2f4a6c";
    private static final String LLM_KEY = "sk-llm-8b6d4f2a0c9e7b5d";
    private static final String ENV_KEY = "sk-env-2d4f6a8c0e1b3d5f";

    private HttpServer revocation;
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private Path config;

    @BeforeEach
    void start() throws Exception {
        revocation = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        revocation.createContext("/revoke", exchange -> {
            revoked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        revocation.start();
        config = home.resolve("two.json");
        Files.writeString(config, """
                {"authMethods": [
                  {"id": "llm-page", "type": "api_key_page", "name": "Enter an LLM API key", "provider": "llm"},
                  {"id": "llm-env", "type": "env_var", "name": "LLM key from the environment", "provider": "llm",
                   "vars": [{"name": "LLM_API_KEY"}]},
                  {"id": "corp", "type": "oauth2", "name": "Sign in with Corp", "issuer": "https://auth.corp.example",
                   "clientId": "acp4j-cli"}
                ]}""");
        Instant now = Instant.now();
        String base = "http://127.0.0.1:" + revocation.getAddress().getPort();
        store().put(StoredCredential.oauth2("corp", "corp", CORP_TOKEN, null, now.plus(Duration.ofHours(1)), now,
                Map.of(OAuthSignIn.CLIENT_ID, "acp4j-cli", OAuthSignIn.TOKEN_ENDPOINT, base + "/token",
                        OAuthSignIn.REVOCATION_ENDPOINT, base + "/revoke")));
        store().put(StoredCredential.apiKey("llm", "llm-page", LLM_KEY, now));
    }

    @AfterEach
    void stop() {
        revocation.stop(0);
    }

    private CredentialStore store() {
        return new CredentialStore(home.resolve(".config/acp4j/credentials.json"));
    }

    @Test
    void logoutOfOneProviderLeavesTheOtherUsable() throws Exception {
        AgentProcess agent = start(Map.of("LLM_API_KEY", ENV_KEY), "--config", config.toString());
        agent.initialize(Map.of());

        JsonNode corp = agent.call("logout", Map.of("_meta", Map.of("provider", "corp")));
        assertThat(corp.get("result")).as(corp.toString()).isNotNull();
        assertThat(store().get("corp", CredentialKind.OAUTH2)).isEmpty();
        assertThat(revoked).singleElement().asString().contains("token=" + CORP_TOKEN);
        assertThat(store().get("llm", CredentialKind.API_KEY)).map(StoredCredential::secret).contains(LLM_KEY);
        agent.newSession(home);

        JsonNode llm = agent.call("logout", Map.of("_meta", Map.of("methodId", "llm-page")));
        assertThat(llm.get("result")).as(llm.toString()).isNotNull();
        assertThat(store().get("llm", CredentialKind.API_KEY)).isEmpty();
        assertThat(revoked).as("an API key has nothing to revoke").hasSize(1);
        JsonNode refused = agent.call("session/new", Map.of("cwd", home.toString(), "mcpServers", List.of()));
        assertThat(refused.at("/error/code").asInt()).as("the environment's key stops counting too").isEqualTo(-32000);

        JsonNode unknown = agent.call("logout", Map.of("_meta", Map.of("provider", "nope")));
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(unknown.at("/error/message").asText()).contains("unknown provider 'nope'").contains("llm, corp");
        JsonNode badMethod = agent.call("logout", Map.of("_meta", Map.of("methodId", "nope")));
        assertThat(badMethod.at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode wrongType = agent.call("logout", Map.of("_meta", Map.of("provider", 7)));
        assertThat(wrongType.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(wrongType.at("/error/message").asText()).contains("_meta.provider must be a string");

        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(String.join("\n", agent.stdoutLines()) + agent.stderr()).doesNotContain(CORP_TOKEN)
                .doesNotContain(LLM_KEY).doesNotContain(ENV_KEY);
    }

    @Test
    void logoutWithoutMetaErasesAllOfThisAgentsProviders() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of());

        assertThat(agent.call("logout", Map.of()).get("result")).isNotNull();

        assertThat(store().all()).isEmpty();
        assertThat(revoked).hasSize(1);
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
    }
}
