package dev.acp4j.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void failOutweighsPassOutweighsSkip() {
        Verdicts verdicts = new Verdicts();
        verdicts.skip(Catalog.LOGOUT, "not advertised");
        verdicts.pass(Catalog.LOGOUT, "fine");
        assertThat(verdicts.get(Catalog.LOGOUT).orElseThrow().status()).isEqualTo(Status.PASS);
        verdicts.fail(Catalog.LOGOUT, "broken");
        verdicts.pass(Catalog.LOGOUT, "fine again");
        assertThat(verdicts.get(Catalog.LOGOUT).orElseThrow()).extracting(Verdict::status, Verdict::reason)
                .containsExactly(Status.FAIL, "broken");
    }

    @Test
    void reasonsAreSingleLine() {
        assertThat(new Verdict(Catalog.LOGOUT, Status.FAIL, "a\n  b\r\nc").reason()).isEqualTo("a b c");
    }
}
