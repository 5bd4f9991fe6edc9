package org.perfalert.rules.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.rules.RuleBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** settings: in a scenario pins the pack's settings while it runs; a failure names the settings its rules depend on. */
class ScenarioSettingsTest {
    @TempDir Path dir;

    /** Two rises of the 12-month total (R: 120, 122, 125), hand-worked: a streak of 2. */
    static final String TWO_RISES = """
            name: two rises
            %s
            config: %s
            observations:
              - { metric: crimes, from: 2024-03, values: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 13] }
            month: 2025-04
            expect:
              - { rule: rolling-rise-streak, metric: crimes, evidence: { months: 2, rolling_total: 125 } }
            """;

    private List<Scenario> read(String yaml) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScenarioReader.read(file, () -> ConfigLoader.loadForRules(Path.of("rules/tests/config")));
    }

    private String config() { return Path.of("rules/tests/config").toAbsolutePath().toString(); }

    @Test
    void aPinnedSettingReplacesThePacksWhileTheScenarioRuns() throws Exception {
        Scenario pinned = read(TWO_RISES.formatted("settings: { rolling-streak.min-months: 2 }", config())).get(0);
        assertThat(pinned.settings()).isEqualTo(Map.of("rolling-streak.min-months", "2"));
        ScenarioResult r = new ScenarioRunner(StandardRules.pack()).run(pinned);
        assertThat(r.differences()).isEmpty();
        assertThat(StandardRules.pack().settings().text("rolling-streak.min-months")).as("the pack is unchanged").isEqualTo("3");
    }

    @Test
    void aFailingScenarioNamesTheSettingsItsRuleDependsOn() throws Exception {
        Scenario unpinned = read(TWO_RISES.formatted("", config())).get(0);
        ScenarioResult r = new ScenarioRunner(StandardRules.pack()).run(unpinned);
        assertThat(r.passed()).isFalse();
        assertThat(r.differences()).anySatisfy(d -> assertThat(d).startsWith("missing: rolling-rise-streak crimes"));
        assertThat(r.differences().get(r.differences().size() - 1))
                .contains("depends on the settings rolling.months = 12, rolling-streak.min-months = 3")
                .contains("pin those values in it: settings: { rolling.months: N, rolling-streak.min-months: N }")
                .doesNotContain("severity");
    }

    @Test
    void theShippedStreakScenariosHoldWhenThePackChangesTheStreakLength() throws Exception {
        RuleBase five = StandardRules.pack().withSettings(StandardRules.pack().settings().with(Map.of("rolling-streak.min-months", "5")));
        ScenarioFolder.Contents shipped = ScenarioFolder.read(Path.of("rules"), () -> ConfigLoader.loadForRules(Path.of("config")));
        List<Scenario> streaks = shipped.scenarios().stream()
                .filter(s -> s.expected().stream().anyMatch(e -> e.rule().startsWith("rolling-"))).toList();
        assertThat(streaks).hasSizeGreaterThanOrEqualTo(4).allSatisfy(s -> assertThat(s.settings()).containsKey("rolling-streak.min-months"));
        for (Scenario s : streaks) assertThat(new ScenarioRunner(five).run(s).differences()).as(s.name()).isEmpty();
    }

    @Test
    void aSettingThePackDoesNotHaveIsADifferenceWithTheNearestName() throws Exception {
        Scenario typo = read(TWO_RISES.formatted("settings: { rolling-streak.min-month: 2 }", config())).get(0);
        ScenarioResult r = new ScenarioRunner(StandardRules.pack()).run(typo);
        assertThat(r.differences()).singleElement().asString()
                .contains("\"rolling-streak.min-month\" is not a setting of the rule pack (did you mean rolling-streak.min-months?)")
                .contains("s.yaml:2");
    }

    @Test
    void aPinThatIsNotANumberIsReportedAtItsLine() {
        assertThatThrownBy(() -> read(TWO_RISES.formatted("settings: { rolling-streak.min-months: three }", config())))
                .isInstanceOf(ScenarioError.class).hasMessageContaining("s.yaml:2:").hasMessageContaining("must be a number");
        assertThatThrownBy(() -> read(TWO_RISES.formatted("settings: { severity.spc-shift: urgent }", config())))
                .isInstanceOf(ScenarioError.class).hasMessageContaining("s.yaml:2:").hasMessageContaining("severity.spc-shift");
    }
}
