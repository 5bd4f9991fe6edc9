package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules over their budget (issue 18, failure 4): a join of every series with every other is stopped at its budget of
 * matches before it fills the memory. (The deadline and endless actions: evaluate.WatchdogTest.)
 */
public class GuardTest {
    public static final Areas AREAS = new Areas("Force", Map.of("North", List.of("Fenland", "Peterborough")));
    public static final YearMonth M = YearMonth.of(2021, 6);
    @TempDir Path dir;

    public static RuleBase rules(Path dir, String drl) throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "");
        Files.writeString(dir.resolve("r.drl"), "package test\nimport org.perfalert.rules.Series\nimport org.perfalert.rules.Movement\n"
                + "global org.perfalert.rules.Alerts alerts\n" + drl);
        return RuleCompiler.compile(dir);
    }

    /** metrics × (two districts, their area and the force) series of month M. */
    public static SeriesBuilder history(int metrics) {
        List<Metric> ms = new ArrayList<>();
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < metrics; i++) {
            ms.add(new Metric("m" + i, "Metric " + i, Unit.COUNT, Better.DOWN, "T", null, 10.0, null));
            obs.add(new Observation(M, "m" + i, AreaType.DISTRICT, "Fenland", 20, null, null));
            obs.add(new Observation(M, "m" + i, AreaType.DISTRICT, "Peterborough", 30, null, null));
        }
        return new SeriesBuilder(obs, new Catalogue(ms), AREAS);
    }

    @Test
    void aRuleThatJoinsEverySeriesWithEveryOtherIsStoppedAtItsBudgetOfMatches() throws Exception {
        RuleBase rb = rules(dir, "rule \"cross\" when $a : Series() $b : Series() $c : Series() $d : Series() then end\n");
        Evaluator evaluator = new Evaluator(rb, new Catalogue(List.of()), AREAS, p -> { });
        SeriesBuilder history = history(10);   // 40 series: 2.56 million matches if let run
        Guard guard = new Guard(100);   // 100 per series: 4,000, so the floor of 10,000

        assertThatThrownBy(() -> evaluator.evaluate(history, M, guard)).isInstanceOfSatisfying(RuleStopped.class, e -> {
            assertThat(e.rule()).isEqualTo("cross");
            assertThat(e.getMessage()).contains("rule \"cross\" stopped").contains("more than 10,000 matches", "100 per series");
        });
        assertThat(guard.matches()).isEqualTo(10_001);
    }

    @Test
    void aSoundRuleStaysWellWithinTheBudget() throws Exception {
        RuleBase rb = rules(dir, "rule \"above\" when $s : Series( thresholdAbove != null, value > thresholdAbove ) then"
                + " alerts.raise($s, Movement.UP, $s.headline(\"above\"), $s.evidence()); end\n");
        Guard guard = new Guard(1);
        List<PerformanceException> found = new Evaluator(rb, new Catalogue(List.of()), AREAS, p -> { })
                .evaluate(history(10), M, guard);
        assertThat(found).hasSize(40);
        assertThat(guard.matches()).isEqualTo(40);
        assertThat(guard.maxMatches()).isEqualTo(10_000);
        Guard big = new Guard(100);
        big.sizeFor(250_000);   // the budget grows with the month's series (national scale)
        assertThat(big.maxMatches()).isEqualTo(25_000_000);
    }
}
