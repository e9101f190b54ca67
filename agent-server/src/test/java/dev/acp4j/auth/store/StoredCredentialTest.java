package dev.acp4j.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredCredentialTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static StoredCredential oauth(Instant expiresAt) {
        return StoredCredential.oauth2("example", "example-oauth", "access-AAAA1111", "refresh-BBBB2222",
                expiresAt, NOW, Map.of("tokenType", "Bearer", "clientSecret", "client-CCCC3333"));
    }

    @Test
    void toStringRedactsTokensAndSecretLookingAttributes() {
        String text = oauth(NOW).toString();

        assertThat(text)
                .contains("provider=example", "secret=<redacted>", "refreshToken=<redacted>", "tokenType=Bearer")
                .doesNotContain("access-AAAA1111", "refresh-BBBB2222", "client-CCCC3333");
    }

    @Test
    void toStringShowsAnAbsentRefreshTokenAsNull() {
        assertThat(StoredCredential.apiKey("openai", "key-page", "sk-123456789", NOW).toString())
                .contains("refreshToken=null", "kind=API_KEY")
                .doesNotContain("sk-123456789");
    }

    @Test
    void expiresWithinComparesTheExpiryWithNowPlusTheMargin() {
        StoredCredential credential = oauth(NOW.plus(Duration.ofMinutes(4)));

        assertThat(credential.expiresWithin(Duration.ofMinutes(5), NOW)).isTrue();
        assertThat(credential.expiresWithin(Duration.ofMinutes(4), NOW)).isTrue();
        assertThat(credential.expiresWithin(Duration.ofMinutes(3), NOW)).isFalse();
        assertThat(credential.expiresWithin(Duration.ofMinutes(5), Clock.fixed(NOW.minusSeconds(120), ZoneOffset.UTC)))
                .isFalse();
        assertThat(oauth(null).expiresWithin(Duration.ofDays(365), NOW)).isFalse();
    }

    @Test
    void withTokensReplacesTheTokensAndKeepsTheRefreshTokenWhenNoNewOneIsIssued() {
        StoredCredential before = oauth(NOW);
        Instant later = NOW.plusSeconds(60);

        StoredCredential kept = before.withTokens("access-new", null, later.plusSeconds(3600), later);
        StoredCredential rotated = before.withTokens("access-new", "refresh-new", null, later);

        assertThat(kept.secret()).isEqualTo("access-new");
        assertThat(kept.refreshToken()).isEqualTo("refresh-BBBB2222");
        assertThat(kept.expiresAt()).isEqualTo(later.plusSeconds(3600));
        assertThat(kept.storedAt()).isEqualTo(later);
        assertThat(kept.attributes()).isEqualTo(before.attributes());
        assertThat(rotated.refreshToken()).isEqualTo("refresh-new");
        assertThat(rotated.expiresAt()).isNull();
    }

    @Test
    void attributesAreCopiedAndRequireValues() {
        Map<String, String> attributes = new HashMap<>(Map.of("scope", "read"));
        StoredCredential credential = StoredCredential.oauth2("p", "m", "t", null, null, NOW, attributes);
        attributes.put("scope", "write");

        assertThat(credential.attributes()).containsExactly(Map.entry("scope", "read"));
        Map<String, String> withNull = new HashMap<>();
        withNull.put("scope", null);
        assertThatNullPointerException()
                .isThrownBy(() -> StoredCredential.oauth2("p", "m", "t", null, null, NOW, withNull));
    }
}
