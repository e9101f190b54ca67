package dev.acp4j.protocol.auth;

import static dev.acp4j.protocol.Wire.assertRoundTrip;
import static dev.acp4j.protocol.Wire.parse;
import static dev.acp4j.protocol.Wire.read;
import static dev.acp4j.protocol.Wire.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.protocol.initialization.AgentCapabilities;
import dev.acp4j.protocol.initialization.Implementation;
import dev.acp4j.protocol.initialization.InitializeResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthMethodTest {

    @Test
    void agentMethodIsWrittenWithoutType() {
        assertThat(tree(AuthMethod.agent("oauth", "Sign in", "Opens the browser"))).isEqualTo(parse("""
                {"id":"oauth","name":"Sign in","description":"Opens the browser"}"""));
    }

    @Test
    void missingTypeReadsAsAgent() {
        assertThat(read("{\"id\":\"a\",\"name\":\"A\"}", AuthMethod.class))
                .isEqualTo(new AuthMethod.Agent("a", "A", null, null));
    }

    @Test
    void explicitAgentTypeReadsAsAgentAndIsDroppedOnOutput() {
        AuthMethod method = read("{\"id\":\"a\",\"name\":\"A\",\"type\":\"agent\"}", AuthMethod.class);
        assertThat(method).isInstanceOf(AuthMethod.Agent.class);
        assertThat(tree(method).has("type")).isFalse();
    }

    @Test
    void terminalRoundTrips() {
        AuthMethod method = assertRoundTrip("""
                {"id":"terminal-login","name":"Log in from a terminal","type":"terminal","args":["--login"],
                 "env":{"MODE":"tty"}}""", AuthMethod.class);
        assertThat(method).isEqualTo(new AuthMethod.Terminal("terminal-login", "Log in from a terminal", null,
                List.of("--login"), Map.of("MODE", "tty"), null));
    }

    @Test
    void envVarRoundTrips() {
        AuthMethod method = assertRoundTrip("""
                {"id":"openai-key-env","name":"OpenAI API key from the environment","type":"env_var",
                 "vars":[{"name":"OPENAI_API_KEY","label":"API key"},
                         {"name":"OPENAI_ORG","secret":false,"optional":true}],
                 "link":"https://platform.openai.com/api-keys","requiresRestart":true}""", AuthMethod.class);

        AuthMethod.EnvVar envVar = (AuthMethod.EnvVar) method;
        assertThat(envVar.requiresRestart()).isTrue();
        assertThat(envVar.vars().get(0).secretOrDefault()).isTrue();
        assertThat(envVar.vars().get(0).optionalOrDefault()).isFalse();
        assertThat(envVar.vars().get(1).secretOrDefault()).isFalse();
        assertThat(envVar.vars().get(1).optionalOrDefault()).isTrue();
    }

    @Test
    void envVarAlwaysWritesRequiresRestart() {
        AuthMethod method = AuthMethod.envVar("k", "Key", List.of(AuthEnvVar.of("KEY", null)), false);
        assertThat(tree(method)).isEqualTo(parse("""
                {"id":"k","name":"Key","type":"env_var","vars":[{"name":"KEY"}],"requiresRestart":false}"""));
    }

    @Test
    void legacyEnvVarWithoutRequiresRestartReadsAsFalse() {
        AuthMethod method = read("""
                {"id":"k","name":"Key","type":"env_var","vars":[{"name":"KEY"}]}""", AuthMethod.class);
        assertThat(((AuthMethod.EnvVar) method).requiresRestart()).isFalse();
    }

    @Test
    void nullRequiresRestartIsNormalisedToFalse() {
        AuthMethod.StartParam method = new AuthMethod.StartParam("p", "P", null, List.of(), null, null, null);
        assertThat(method.requiresRestart()).isFalse();
        assertThat(tree(method).get("requiresRestart").asBoolean(true)).isFalse();
    }

    @Test
    void startParamRoundTrips() {
        AuthMethod method = assertRoundTrip("""
                {"id":"key-file","name":"API key file","type":"start_param","description":"d",
                 "params":[{"name":"--api-key-file","label":"Key file","secret":false}],
                 "link":"https://example.com/keys","requiresRestart":true,"_meta":{"x":"y"}}""", AuthMethod.class);
        assertThat(method).isEqualTo(new AuthMethod.StartParam("key-file", "API key file", "d",
                List.of(new AuthStartParam("--api-key-file", "Key file", false, null, null)),
                "https://example.com/keys", true, Map.of("x", "y")));
    }

    @Test
    void profileInitializeExampleRoundTrips() {
        InitializeResponse response = assertRoundTrip("""
                {"protocolVersion":1,
                  "agentInfo":{"name":"acp4j","title":"acp4j","version":"0.1.0"},
                  "agentCapabilities":{"loadSession":false,"auth":{"logout":{}}},
                  "authMethods":[
                    {"id":"example-oauth","name":"Sign in with Example","description":"Opens the sign-in page in your browser"},
                    {"id":"openai-key-page","name":"Enter an OpenAI API key","description":"Opens a local page"},
                    {"id":"openai-key-env","name":"OpenAI API key from the environment","type":"env_var",
                     "vars":[{"name":"OPENAI_API_KEY","label":"API key"}],
                     "link":"https://platform.openai.com/api-keys","requiresRestart":true},
                    {"id":"terminal-login","name":"Log in from a terminal","type":"terminal","args":["--login"]}
                  ]}""", InitializeResponse.class);

        assertThat(response.authMethods()).extracting(AuthMethod::getClass).containsExactly(
                AuthMethod.Agent.class, AuthMethod.Agent.class, AuthMethod.EnvVar.class, AuthMethod.Terminal.class);
    }

    @Test
    void initializeResponseFactoryAdvertisesLogoutAsAnEmptyObject() {
        InitializeResponse response = InitializeResponse.of(1, Implementation.of("acp4j", "acp4j", "0.1.0"))
                .withAgentCapabilities(new AgentCapabilities(false, null, null, null, AgentAuthCapabilities.withLogout(),
                        null))
                .withAuthMethods(List.of(AuthMethod.agent("a", "A", null)));

        assertThat(tree(response)).isEqualTo(parse("""
                {"protocolVersion":1,"agentInfo":{"name":"acp4j","title":"acp4j","version":"0.1.0"},
                 "agentCapabilities":{"loadSession":false,"auth":{"logout":{}}},
                 "authMethods":[{"id":"a","name":"A"}]}"""));
    }

    @Test
    void emptyResultsAreWrittenAsEmptyObjects() {
        assertThat(tree(AuthenticateResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(LogoutResponse.empty())).isEqualTo(parse("{}"));
        assertThat(tree(new LogoutCapabilities(null))).isEqualTo(parse("{}"));
        assertThat(read("{}", LogoutRequest.class)).isEqualTo(new LogoutRequest(null));
    }

    @Test
    void authRequiredDataMatchesTheProfile() {
        assertThat(tree(AuthRequiredData.of(List.of("example-oauth", "openai-key-env")))).isEqualTo(parse("""
                {"availableMethodIds":["example-oauth","openai-key-env"]}"""));
        assertThat(tree(AuthRequiredData.restartWith(List.of("openai-key-env"), List.of("OPENAI_API_KEY"))))
                .isEqualTo(parse("""
                        {"availableMethodIds":["openai-key-env"],"requiresRestart":true,"missing":["OPENAI_API_KEY"]}"""));
    }
}
