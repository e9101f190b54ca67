package dev.acp4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acp4j.auth.config.AuthMethodConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code "codeEntry": "paste"} and {@code redirectUri}: read from a file and built in code alike, and
 * every mistake a clear start-up error, worded the same both ways.
 */
class PasteCodeConfigTest {

    private static final String BASE = "\"id\": \"p\", \"type\": \"oauth2\", \"name\": \"P\", \"clientId\": \"c\","
            + " \"issuer\": \"https://auth.example.com\"";

    private static AuthMethodConfig.Builder base() {
        return AuthMethodConfig.oauth2("p", "P").clientId("c").issuer("https://auth.example.com");
    }

    @Test
    void aPasteMethodReadsAsItIsBuilt() throws Exception {
        AuthMethodConfig built = base().scopes(List.of("user:inference"))
                .pasteCode("https://console.example.com/oauth/code/callback").build();
        ServerConfig loaded = parse("{" + BASE + ", \"scopes\": [\"user:inference\"], \"codeEntry\": \"paste\","
                + " \"redirectUri\": \"https://console.example.com/oauth/code/callback\"}");

        assertThat(loaded.authMethods()).containsExactly(built);
        assertThat(built.oauth().pastesCode()).isTrue();
        assertThat(built.oauth().redirectUri()).isEqualTo("https://console.example.com/oauth/code/callback");
    }

    @Test
    void loopbackIsTheDefault() throws Exception {
        AuthMethodConfig loaded = parse("{" + BASE + "}").authMethods().get(0);

        assertThat(loaded.oauth().codeEntry()).isEqualTo("loopback");
        assertThat(loaded.oauth().pastesCode()).isFalse();
        assertThat(loaded).isEqualTo(base().build());
        assertThat(parse("{" + BASE + ", \"codeEntry\": \"loopback\"}").authMethods().get(0)).isEqualTo(loaded);
    }

    @Test
    void anHttpRedirectUriIsAcceptedOnlyOnThisComputer() throws Exception {
        for (String uri : List.of("http://127.0.0.1:8765/code", "http://localhost/code", "http://[::1]:9/code")) {
            assertThat(base().pasteCode(uri).build().oauth().redirectUri()).isEqualTo(uri);
        }
        String problem = "must be an absolute https URL (http only on this computer: 127.0.0.1, [::1] or localhost)";
        for (String uri : List.of("http://console.example.com/code", "console.example.com/code", "/oauth/code",
                "ftp://console.example.com/code", "https:///code")) {
            sameProblem(() -> base().pasteCode(uri).build(),
                    "{" + BASE + ", \"codeEntry\": \"paste\", \"redirectUri\": \"" + uri + "\"}",
                    "redirectUri '" + uri + "' " + problem);
        }
        sameProblem(() -> base().pasteCode("https://console.example.com/code#here").build(),
                "{" + BASE + ", \"codeEntry\": \"paste\", \"redirectUri\": \"https://console.example.com/code#here\"}",
                "redirectUri 'https://console.example.com/code#here' must not have a fragment (RFC 6749 §3.1.2)");
    }

    @Test
    void everyMistakeIsAStartUpErrorSayingWhatToDo() {
        sameProblem(() -> base().codeEntry("paste").build(), "{" + BASE + ", \"codeEntry\": \"paste\"}",
                "\"codeEntry\": \"paste\" needs a redirectUri, the provider's page that shows the code");
        sameProblem(() -> base().redirectUri("https://console.example.com/code").build(),
                "{" + BASE + ", \"redirectUri\": \"https://console.example.com/code\"}",
                "redirectUri is used only with \"codeEntry\": \"paste\"; otherwise the redirect goes to"
                        + " http://127.0.0.1:PORT/callback");
        sameProblem(() -> base().codeEntry("clipboard").build(), "{" + BASE + ", \"codeEntry\": \"clipboard\"}",
                "codeEntry must be loopback or paste");
        sameProblem(() -> base().flow("device_code").pasteCode("https://console.example.com/code").build(),
                "{" + BASE + ", \"flow\": \"device_code\", \"codeEntry\": \"paste\","
                        + " \"redirectUri\": \"https://console.example.com/code\"}",
                "\"codeEntry\": \"paste\" is for the authorization code flow; flow device_code has no code to paste");
        sameProblem(() -> base().redirectPort(8765).pasteCode("https://console.example.com/code").build(),
                "{" + BASE + ", \"redirectPort\": 8765, \"codeEntry\": \"paste\","
                        + " \"redirectUri\": \"https://console.example.com/code\"}",
                "redirectPort is for the loopback redirect; with \"codeEntry\": \"paste\" the provider's redirectUri is used");
        sameProblem(() -> AuthMethodConfig.oauth2("p", "P").clientId("c").tokenEndpoint("https://a.example/token")
                        .deviceAuthorizationEndpoint("https://a.example/device")
                        .pasteCode("https://console.example.com/code").build(),
                "{\"id\": \"p\", \"type\": \"oauth2\", \"name\": \"P\", \"clientId\": \"c\","
                        + " \"tokenEndpoint\": \"https://a.example/token\", \"deviceAuthorizationEndpoint\": \"https://a.example/device\","
                        + " \"codeEntry\": \"paste\", \"redirectUri\": \"https://console.example.com/code\"}",
                "\"codeEntry\": \"paste\" needs an issuer or an authorizationEndpoint");
        assertThat(loaderMessage("{\"authMethods\": [{" + BASE + ", \"codeEntry\": 1, \"redirectUri\": true}]}"))
                .endsWith("(id 'p'): \"codeEntry\" must be a string; authMethods[0] (id 'p'): \"redirectUri\" must be a string");
    }

    private static ServerConfig parse(String methodJson) throws ConfigException {
        return new ConfigLoader().parse("(code)", ("{\"authMethods\": [" + methodJson + "]}").getBytes(StandardCharsets.UTF_8));
    }

    /** The builder and the loader report {@code problem} for the same mistake, after the method's label. */
    private static void sameProblem(Supplier<AuthMethodConfig> builder, String methodJson, String problem) {
        String fromJson = loaderMessage("{\"authMethods\": [" + methodJson + "]}");
        assertThat(fromJson).endsWith("): " + problem);
        assertThatThrownBy(builder::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("): " + problem)
                .hasMessageStartingWith("config (code): auth method (id '");
    }

    private static String loaderMessage(String json) {
        try {
            new ConfigLoader().parse("(code)", json.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("the loader accepted " + json);
    }
}
