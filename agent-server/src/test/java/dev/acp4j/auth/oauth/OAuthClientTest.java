package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a confidential client sends its secret, chosen from the server's token_endpoint_auth_methods_supported. */
class OAuthClientTest {

    private static OAuthEndpoints server(String... methods) {
        URI base = URI.create("https://auth.corp.example");
        return new OAuthEndpoints(base, base.resolve("/authorize"), base.resolve("/token"), null, null, null, List.of(),
                List.of(methods));
    }

    private static final OAuthClient CONFIDENTIAL = OAuthClient.of("cli", "/run/secrets/corp", null, null);

    @Test
    void basicIsPreferredThenPostAndNothingListedMeansBasic() {
        assertThat(CONFIDENTIAL.forServer(server("client_secret_post", "client_secret_basic")).authMethod())
                .isEqualTo("client_secret_basic");
        assertThat(CONFIDENTIAL.forServer(server("private_key_jwt", "client_secret_post")).authMethod())
                .isEqualTo("client_secret_post");
        assertThat(CONFIDENTIAL.forServer(server()).authMethod()).isEqualTo("client_secret_basic");
    }

    @Test
    void aServerThatTakesNeitherIsRefusedByNameAndTheConfiguredMethodWins() {
        assertThatThrownBy(() -> CONFIDENTIAL.forServer(server("private_key_jwt", "tls_client_auth")))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("https://auth.corp.example/token accepts a client secret neither by"
                        + " client_secret_basic nor by client_secret_post (it lists [private_key_jwt, tls_client_auth])");
        assertThat(OAuthClient.of("cli", "/run/secrets/corp", "client_secret_post", null)
                .forServer(server("client_secret_basic")).authMethod()).isEqualTo("client_secret_post");
    }

    @Test
    void aPublicClientSendsNoSecretAndStoresNothingOfOne() {
        OAuthClient client = OAuthClient.publicClient("cli").forServer(server("client_secret_basic"));
        assertThat(client.authMethod()).isEqualTo("none");
        assertThat(client.confidential()).isFalse();
        assertThat(client.attributes()).isEmpty();
        assertThat(CONFIDENTIAL.forServer(server()).attributes()).isEqualTo(Map.of(
                OAuthClient.CLIENT_SECRET_FILE, "/run/secrets/corp",
                OAuthClient.TOKEN_ENDPOINT_AUTH_METHOD, "client_secret_basic"));
        assertThat(OAuthClient.fromAttributes("cli", CONFIDENTIAL.forServer(server("client_secret_post")).attributes())
                .authMethod()).isEqualTo("client_secret_post");
    }
}
