package dev.acp4j.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSetTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void expiresWithinComparesTheExpiryWithTheMargin() {
        TokenSet tokens = new TokenSet("a", null, NOW.plusSeconds(299), "Bearer", null);

        assertThat(tokens.expiresWithin(Duration.ofMinutes(5), NOW)).isTrue();
        assertThat(tokens.expiresWithin(Duration.ofMinutes(4), NOW)).isFalse();
    }

    @Test
    void anUnknownExpiryNeverExpires() {
        assertThat(new TokenSet("a", null, null, "Bearer", null).expiresWithin(Duration.ofDays(1), NOW)).isFalse();
    }

    @Test
    void anAccessTokenIsRequired() {
        assertThatThrownBy(() -> new TokenSet("", "r", null, "Bearer", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
