package org.perfalert.rules.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.AreaType;
import org.perfalert.model.Direction;
import org.perfalert.model.Observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading scenario files: the compact series, inline configuration, and mistakes reported at FILE:LINE:COLUMN. */
class ScenarioReaderTest {
    @TempDir Path dir;

    static Configuration shippedTestConfig() throws org.perfalert.config.ConfigException {
        return ConfigLoader.loadForRules(Path.of("rules/tests/config"));
    }

    private List<Scenario> read(String yaml) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScenarioReader.read(file, ScenarioReaderTest::shippedTestConfig);
    }

    private void assertProblem(String yaml, String where, String words) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ScenarioError.class)
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":" + where + ": ").hasMessageContaining(words);
    }

    @Test
    void aCompactSeriesBecomesMonthlyObservationsWithGapsAndRates() throws Exception {
        List<Scenario> scenarios = read("""
                name: one
                observations:
                  - { metric: crimes, area: Fenside, from: 2024-11, values: [5, ~, 7] }
                  - metric: outcome_rate
                    from: 2025-01
                    numerators: [1, 3]
                    denominators: [4, 4]
                expect:
                  - { rule: twelve-month-high, metric: crimes, direction: concern, evidence: { value: 7 }, tolerance: 0.5 }
                ---
                observations: [{ metric: calls, from: 2025-01, values: [1] }]
                month: 2025-01
                not_expected: [{ rule: spc-trend }]
                ---
                """);
        assertThat(scenarios).hasSize(2);
        Scenario one = scenarios.get(0);
        assertThat(one.name()).isEqualTo("one");
        assertThat(one.month()).isEqualTo(YearMonth.of(2025, 2)); // the latest month in the data
        assertThat(one.observations()).contains(
                new Observation(YearMonth.of(2024, 11), "crimes", AreaType.DISTRICT, "Fenside", 5, null, null),
                new Observation(YearMonth.of(2025, 1), "crimes", AreaType.DISTRICT, "Fenside", 7, null, null),
                new Observation(YearMonth.of(2025, 2), "outcome_rate", AreaType.FORCE, "Testshire", 75, 3L, 4L));
        assertThat(one.observations()).hasSize(4); // 2024-12 is a gap
        Expectation e = one.expected().get(0);
        assertThat(e.direction()).isEqualTo(Direction.CONCERN);
        assertThat(e.tolerance()).isEqualTo(0.5);
        assertThat(e.line()).isEqualTo(9);
        assertThat(scenarios.get(1).name()).isEqualTo("s#2");
        assertThat(scenarios.get(1).line()).isEqualTo(11);
    }

    @Test
    void theEarlierSpellingsAreRead() throws Exception {
        Scenario s = read("""
                month: 2021-12
                observations: [{ metric: crimes, from: 2021-12, values: [3] }]
                expect:

                expect_not:
                  - { rule: twelve-month-high, month: 2021-12 }
                not_expected:
                  - { rule: spc-shift }
                """).get(0);
        assertThat(s.expected()).isEmpty();
        assertThat(s.notExpected()).extracting(Expectation::rule).containsExactly("spc-shift", "twelve-month-high");
        assertThat(s.notExpected().get(1).month()).isEqualTo(YearMonth.of(2021, 12));
    }

    @Test
    void inlineConfigurationNeedsNoConfigFolder() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                metrics: [{ id: q, unit: number, better: up, thresholds: { below: 3 } }]
                areas: { force: Here, areas: { A: [B] } }
                observations: [{ metric: q, area: B, from: 2025-01, values: [2] }]
                expect: [{ rule: threshold-below }]
                """);
        Scenario s = ScenarioReader.read(file, () -> { throw new AssertionError("--config is not needed"); }).get(0);
        assertThat(s.config().catalogue().get("q").thresholdBelow()).isEqualTo(3.0);
        assertThat(s.observations().get(0).areaType()).isEqualTo(AreaType.DISTRICT);
    }

    @Test
    void mistakesNameTheLineAndColumn() {
        String head = "name: x\nconfig: " + Path.of("rules/tests/config").toAbsolutePath() + "\n";
        assertProblem(head + "observations:\n  - metric: crimes\n    from: 2025-01\n     values: [1]\n", "6:12", "not valid YAML: mapping values are not allowed here");
        assertProblem(head + "observation: []\n", "3:14", "unknown key \"observation\"");
        assertProblem(head + "observations:\n  - { metric: crime, from: 2025-01, values: [1] }\n", "4:15", "metric \"crime\" is not in");
        assertProblem(head + "observations:\n  - { metric: crimes, from: 2025-13, values: [1] }\n", "4:29", "not a month");
        assertProblem(head + "observations:\n  - { metric: crimes, from: 2025-01, values: [1, one] }\n", "4:50", "\"one\" in values is not a number");
        assertProblem(head + "observations:\n  - { metric: outcome_rate, from: 2025-01, numerators: [1.5], denominators: [4] }\n",
                "4:57", "\"1.5\" is not a whole number");
        assertProblem(head + "observations:\n  - { metric: crimes, area: Atlantis, from: 2025-01, values: [1] }\n", "4:29", "area \"Atlantis\"");
        assertProblem(head + "observations:\n  - { metric: crimes, from: 2025-01, values: [1] }\nexpect:\n  - metric: crimes\n", "6:5", "needs \"rule\"");
        assertProblem(head + "observations:\n  - { metric: crimes, from: 2025-01, values: [1] }\nexpect:\n  - { rule: a, direction: up }\n", "6:27", "unknown direction");
        assertProblem(head + "observations:\n  - { metric: crimes, from: 2025-01, values: [1] }\n", "1:1", "checks nothing");
        assertProblem(head + "month: 2025-01\nexpect: [{ rule: a }]\n", "1:1", "has no data");
        assertProblem(head + "name: y\n", "3:1", "\"name\" is given twice");
        assertProblem("", "1:1", "no scenario in this file");
    }
}
