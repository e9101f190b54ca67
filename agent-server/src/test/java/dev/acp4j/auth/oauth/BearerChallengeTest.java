package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BearerChallengeTest {

    @Test
    void readsResourceMetadataScopeAndErrorFromQuotedParameters() {
        BearerChallenge challenge = BearerChallenge.parse("Bearer error=\"invalid_token\", "
                + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", "
                + "scope=\"files:read files:write\"").orElseThrow();

        assertThat(challenge.resourceMetadata())
                .isEqualTo(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/mcp"));
        assertThat(challenge.scope()).isEqualTo("files:read files:write");
        assertThat(challenge.error()).isEqualTo("invalid_token");
    }

    @Test
    void findsTheBearerChallengeAmongOthersAndReadsTokenValues() {
        BearerChallenge challenge = BearerChallenge.parse("Basic realm=\"x\", bearer error=insufficient_scope,"
                + "resource_metadata=\"https://a.example/m\", DPoP algs=\"ES256\"").orElseThrow();

        assertThat(challenge.error()).isEqualTo("insufficient_scope");
        assertThat(challenge.resourceMetadata()).isEqualTo(URI.create("https://a.example/m"));
        assertThat(challenge.scope()).isNull();
    }

    @Test
    void aBareBearerHasNoParameters() {
        assertThat(BearerChallenge.parse("Bearer")).contains(new BearerChallenge(null, null, null));
    }

    @Test
    void unescapesQuotedPairs() {
        assertThat(BearerChallenge.parse("Bearer scope=\"a\\\"b\"").orElseThrow().scope()).isEqualTo("a\"b");
    }

    @Test
    void noBearerChallengeAnUnterminatedQuoteOrANonHttpMetadataUrlGiveNothing() {
        assertThat(BearerChallenge.parse(null)).isEmpty();
        assertThat(BearerChallenge.parse("Basic realm=\"bearer\"")).isEmpty();
        assertThat(BearerChallenge.parse("NotBearer x=y")).isEmpty();
        assertThat(BearerChallenge.parse("Bearer scope=\"open")).isEmpty();
        assertThat(BearerChallenge.parse("Bearer resource_metadata=\"file:///etc/passwd\"")).isEmpty();
    }
}
