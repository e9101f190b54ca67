package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInAdviceTest {

    private static final AuthMethodConfig PAGE = method("openai-page", AuthMethodType.API_KEY_PAGE, "Enter an OpenAI API key",
            "openai", "OpenAI", List.of());
    private static final AuthMethodConfig ENV = method("openai-env", AuthMethodType.ENV_VAR, "OpenAI key from the environment",
            "openai", "OpenAI", List.of(new CredentialInput("OPENAI_API_KEY", "API key", true, false)));
    private static final AuthMethodConfig FILE = method("openai-file", AuthMethodType.START_PARAM, "OpenAI key file",
            "openai", "OpenAI", List.of(new CredentialInput("--openai-key-file", null, true, false)));
    private static final AuthMethodConfig OAUTH = method("example-oauth", AuthMethodType.OAUTH2, "Sign in with Example",
            "example", "Example", List.of());

    private final AuthMethodRegistry registry = new AuthMethodRegistry(List.of(PAGE, ENV, FILE, OAUTH),
            LaunchEnvironment.of(Map.of()), new LoginCommand(Path.of("/opt/acp4j/bin/acp4j"),
                    List.of("--config", "/home/u/my config.json"), Map.of()));

    @Test
    void oneProviderIsNamedOnceWithEveryWayToSignIn() {
        assertThat(SignInAdvice.authRequired(List.of(PAGE, ENV), registry))
                .isEqualTo("Sign in to OpenAI: enter an API key, or set OPENAI_API_KEY and restart");
        assertThat(SignInAdvice.authRequired(List.of(PAGE, ENV, FILE), registry))
                .isEqualTo("Sign in to OpenAI: enter an API key, set OPENAI_API_KEY and restart, or restart with --openai-key-file FILE");
        assertThat(SignInAdvice.authRequired(List.of(ENV), registry)).isEqualTo("Sign in to OpenAI: set OPENAI_API_KEY and restart");
    }

    @Test
    void severalProvidersAreNotNamedAndNoMethodsSayAuthenticationRequired() {
        assertThat(SignInAdvice.authRequired(List.of(PAGE, OAUTH), registry))
                .isEqualTo("Sign in: enter an API key, or sign in with Example");
        assertThat(SignInAdvice.authRequired(List.of(), registry)).isEqualTo("Authentication required");
    }

    @Test
    void insteadNamesTheWholeLoginCommandQuotedAndTheProvidersOwnAlternatives() {
        assertThat(SignInAdvice.instead(PAGE, registry.all(), registry, AgentIdentity.ACP4J)).isEqualTo(
                "run /opt/acp4j/bin/acp4j --config '/home/u/my config.json' --login openai-page in a terminal,"
                        + " set OPENAI_API_KEY and restart, or restart with --openai-key-file FILE");
        assertThat(SignInAdvice.instead(OAUTH, registry.all(), new AuthMethodRegistry(registry.all(),
                LaunchEnvironment.of(Map.of())), new AgentIdentity("notes-agent", "Notes Agent")))
                .as("without a known launcher, the agent's command name")
                .isEqualTo("run notes-agent --login example-oauth in a terminal");
    }

    private static AuthMethodConfig method(String id, AuthMethodType type, String name, String provider, String providerName,
                                           List<CredentialInput> inputs) {
        return new AuthMethodConfig(id, type, name, null, provider, providerName, inputs, null, List.of(), Map.of(), null, null);
    }
}
