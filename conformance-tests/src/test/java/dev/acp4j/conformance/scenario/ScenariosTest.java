package dev.acp4j.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.conformance.catalog.Catalog;
import dev.acp4j.conformance.catalog.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void everyRequirementIsJudgedSomewhere() {
        for (Requirement requirement : Catalog.all()) {
            boolean covered = Catalog.TRANSCRIPT_WIDE.contains(requirement)
                    || Scenarios.all().stream().anyMatch(s -> s.covers().contains(requirement));
            assertThat(covered).as(requirement.id()).isTrue();
        }
    }

    @Test
    void selectionRunsOnlyTheNeededScenarios() {
        assertThat(Scenarios.needed(List.of(Catalog.CANCEL))).extracting(Scenario::name)
                .containsExactly("prompt-cancel");
        assertThat(Scenarios.needed(List.of(Catalog.TERMINAL_REQUIRES_CAPABILITY))).extracting(Scenario::name)
                .containsExactly("initialize", "initialize-terminal-capable");
        assertThat(Scenarios.needed(List.of(Catalog.CANCEL, Catalog.STDOUT_ONLY_JSON)))
                .hasSameSizeAs(Scenarios.all());
    }

    @Test
    void scenarioNamesAndRequirementIdsAreUnique() {
        assertThat(Scenarios.all()).extracting(Scenario::name).doesNotHaveDuplicates();
        assertThat(Catalog.all()).extracting(Requirement::id).doesNotHaveDuplicates();
    }
}
