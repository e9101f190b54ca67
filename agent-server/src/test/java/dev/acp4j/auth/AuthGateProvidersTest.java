package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.jsonrpc.JsonRpcException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuthGate#admit(String, dev.acp4j.jsonrpc.RequestContext, List)}: only the providers a request needs. */
class AuthGateProvidersTest {

    @TempDir
    Path dir;

    private static final List<AuthMethodConfig> METHODS = List.of(
            AuthMethodConfig.apiKeyPage("alpha-page", "Enter an Alpha API key").provider("alpha").providerName("Alpha").build(),
            AuthMethodConfig.envVar("alpha-env", "Alpha key").provider("alpha").providerName("Alpha")
                    .variable("ALPHA_API_KEY", "API key").build(),
            AuthMethodConfig.apiKeyPage("beta-page", "Enter a Beta API key").provider("beta").providerName("Beta").build(),
            AuthMethodConfig.terminal("terminal-login", "Log in from a terminal").build(),
            AuthMethodConfig.terminal("alpha-terminal", "Log in to Alpha from a terminal").args(List.of("alpha-page")).build());

    private AuthGate gate(Map<String, String> env, boolean terminal) {
        AuthMethodRegistry registry = new AuthMethodRegistry(METHODS, LaunchEnvironment.of(env));
        CredentialResolver resolver = new CredentialResolver(registry, new CredentialStore(dir.resolve("credentials.json")),
                TokenRefresher.untilExpiry(Clock.systemUTC()));
        ClientAbilities client = new ClientAbilities() {
            @Override
            public void requireInitialized(String method) {
            }

            @Override
            public boolean canRunTerminalAuth() {
                return terminal;
            }

            @Override
            public boolean asksForTerminalAuthMeta() {
                return false;
            }

            @Override
            public boolean supportsUrlElicitation() {
                return true;
            }
        };
        return new AuthGate(registry, resolver, client, Json.shared());
    }

    @Test
    void anotherProvidersKeyDoesNotAdmitAndTheErrorOffersOnlyTheMissingProvidersMethods() {
        AuthGate gate = gate(Map.of("ALPHA_API_KEY", "sk-alpha-1"), true);
        assertThatCode(() -> gate.admit("session/new", null, List.of())).as("any provider, as before").doesNotThrowAnyException();
        assertThatCode(() -> gate.admit("session/new", null, List.of("alpha"))).doesNotThrowAnyException();

        JsonRpcException beta = catchThrowableOfType(() -> gate.admit("session/new", null, List.of("alpha", "beta")),
                JsonRpcException.class);
        assertThat(beta.error().code()).isEqualTo(-32000);
        assertThat(beta.error().data().get("availableMethodIds").toString())
                .as("a bare --login can sign in to any provider; alpha-terminal only to Alpha")
                .isEqualTo("[\"beta-page\",\"terminal-login\"]");
        assertThat(beta.error().message()).isEqualTo("Sign in to Beta: enter an API key, or log in from a terminal");
    }

    @Test
    void severalMissingProvidersAreNamedTogetherAndTerminalMethodsOnlyForClientsThatRunThem() {
        JsonRpcException both = catchThrowableOfType(() -> gate(Map.of(), false).admit("session/prompt", null,
                List.of("alpha", "beta")), JsonRpcException.class);
        assertThat(both.error().data().get("availableMethodIds").toString())
                .isEqualTo("[\"alpha-page\",\"alpha-env\",\"beta-page\"]");
        assertThat(both.error().message())
                .isEqualTo("Sign in to Alpha and Beta: enter an API key, or set ALPHA_API_KEY and restart");

        JsonRpcException unknown = catchThrowableOfType(() -> gate(Map.of(), false).admit("session/new", null,
                List.of("gamma")), JsonRpcException.class);
        assertThat(unknown.error().data().get("availableMethodIds").toString()).isEqualTo("[]");
        assertThat(unknown.error().message()).isEqualTo("A credential of gamma is needed, and none of this agent's"
                + " auth methods yields one");
    }
}
