package org.perfalert.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.ExceptionKind;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signal rules of rules/signals.drl over the seed reports: the calibration is computed with the
 * history, so a month evaluated alone gives exactly what the same month gives in a backtest, and every
 * exception carries SIGNALS.md's judgement.
 */
class SignalRulesTest {
    static final Path SEED = Path.of("src/test/resources/seed-reports");
    static Evaluator evaluator;
    static List<Observation> data;

    @BeforeAll
    static void compileOnce() throws Exception {
        RuleBase rules = RuleCompiler.compile(Path.of("rules"));
        Configuration config = ConfigLoader.loadForRules(SEED.resolve("config"));
        evaluator = new Evaluator(rules, config.catalogue(), config.areas());
        data = TidyCsv.read(SEED.resolve("data.csv"));
    }

    static List<String> described(List<PerformanceException> exceptions) {
        List<String> out = new ArrayList<>();
        for (PerformanceException e : exceptions)
            out.add(e.rule() + " " + e.area() + " " + e.month() + " " + e.headline() + " " + e.evidence() + " " + e.assessment());
        return out;
    }

    @Test
    void aMonthAloneEqualsTheSameMonthInABacktest() {
        SeriesBuilder backtest = evaluator.history(data);
        YearMonth first = YearMonth.of(2019, 4), last = YearMonth.of(2021, 3);
        List<String> inOrder = new ArrayList<>(), alone = new ArrayList<>();
        int signals = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            List<PerformanceException> found = evaluator.evaluate(backtest, m);
            signals += (int) found.stream().filter(e -> e.kind() == ExceptionKind.SIGNAL).count();
            inOrder.addAll(described(found));
        }
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) // backwards, each on a fresh history
            alone.addAll(0, described(evaluator.evaluate(evaluator.history(data), m)));
        assertThat(signals).as("signals in the seed reports' months").isPositive();
        assertThat(alone).containsExactlyElementsOf(inOrder);
    }
}
