package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValidatorTest {

    private final KeyValidator anyFormat = KeyValidator.plausible(null);

    @Test
    void acceptsAPlausibleKeyEvenWithSurroundingWhitespace() {
        assertThat(anyFormat.validate("sk-abcdef0123456789")).isNull();
        assertThat(anyFormat.validate("  sk-abcdef0123456789\n")).isNull();
        assertThat(anyFormat.validate("x".repeat(4096))).isNull();
        assertThat(anyFormat.validate("12345678")).isNull();
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThat(anyFormat.validate("")).isEqualTo("Please paste your API key.");
        assertThat(anyFormat.validate("   ")).isEqualTo("Please paste your API key.");
        assertThat(anyFormat.validate(null)).isEqualTo("Please paste your API key.");
    }

    @Test
    void rejectsWhitespaceInside() {
        assertThat(anyFormat.validate("sk-abc def0123"))
                .isEqualTo("That does not look like an API key: it contains spaces or line breaks.");
        assertThat(anyFormat.validate("sk-abc\tdef0123")).contains("contains spaces");
        assertThat(anyFormat.validate("sk-abc\ndef0123")).contains("contains spaces");
    }

    @Test
    void rejectsCharactersOutsidePrintableAscii() {
        assertThat(anyFormat.validate("sk-abcdé0123")).contains("characters that API keys do not use");
        assertThat(anyFormat.validate("sk-abc\u0000def0123")).contains("characters that API keys do not use");
    }

    @Test
    void rejectsKeysOfImplausibleLength() {
        assertThat(anyFormat.validate("1234567")).isEqualTo("That does not look like an API key: it is too short.");
        assertThat(anyFormat.validate("x".repeat(4097))).isEqualTo("That does not look like an API key: it is too long.");
    }

    @Test
    void rejectsKeysNotMatchingTheWholePattern() {
        KeyValidator openAi = KeyValidator.plausible("sk-[A-Za-z0-9_-]{8,}");

        assertThat(openAi.validate("sk-abcdef0123")).isNull();
        assertThat(openAi.validate("pk-abcdef0123")).contains("does not have the expected format");
        assertThat(openAi.validate("xsk-abcdef0123")).contains("does not have the expected format");
    }

    @Test
    void messagesNeverQuoteTheKey() {
        String key = "sk-abc def-SECRETPART";
        assertThat(anyFormat.validate(key)).doesNotContain("SECRETPART");
        assertThat(KeyValidator.plausible("nope").validate("sk-SECRETPART")).doesNotContain("SECRETPART");
    }

    @Test
    void nonEmptyAcceptsAnythingButBlank() {
        assertThat(KeyValidator.nonEmpty().validate("a")).isNull();
        assertThat(KeyValidator.nonEmpty().validate(" ")).isNotNull();
    }
}
