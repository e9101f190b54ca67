package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    /** The samples are what a first session/new binds and writes; one that no longer binds would lose the warm-up without a word. */
    @Test
    void theFirstSessionsSamplesBindAndWrite() {
        assertThatCode(WarmUp::prepareFirstSession).doesNotThrowAnyException();
    }
}
