package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** rules test: the standard rule pack's scenarios pass; a wrong expectation fails with the difference. */
class RulesTestCommandTest {
    @TempDir Path dir;

    @Test
    void theStandardScenariosPassAndEveryStandardRuleHasOne() throws Exception {
        RuleCommandsTest.Run r = RuleCommandsTest.run("rules", "test");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("FAILED").containsPattern("\\d+ passed, 0 failed");
        String scenarios;
        try (Stream<Path> s = Files.list(Path.of("rules/tests"))) {
            scenarios = String.join("\n", s.map(p -> { try { return Files.readString(p); } catch (Exception e) { throw new RuntimeException(e); } }).toList());
        }
        for (String rule : new String[] {"twelve-month-high", "twelve-month-low", "same-month-high", "same-month-low",
                "same-month-streak-high", "same-month-streak-low", "threshold-above", "threshold-below",
                "rolling-rise-streak", "rolling-fall-streak", "only-district-increase", "only-district-decrease",
                "above-average-1yr", "below-average-1yr", "above-average-3yr", "below-average-3yr",
                "above-benchmark", "below-benchmark", "spc-outside-limits", "spc-shift", "spc-trend", "spc-two-of-three"})
            assertThat(scenarios).as("a scenario expecting " + rule).contains("expect:\n  - { rule: " + rule + ",");
    }

    @Test
    void aWrongExpectationFailsAndShowsWhatWasRaised() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/high.yaml"), Files.readString(Path.of("rules/tests/twelve-month-high.yaml"))
                .replace("previous_max: 10", "previous_max: 11"));
        RuleCommandsTest.Run r = RuleCommandsTest.run("rules", "test", "--rules", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED  high.yaml").contains("previous_max=11")
                .contains("raised by that rule: twelve-month-high robbery force:Cambridgeshire 2021-12")
                .contains("previous_max=10.0").contains("0 passed, 1 failed");
    }
}
