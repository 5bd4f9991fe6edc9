package org.perfalert.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.SeriesBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's hand-written baseline and the rule engine (the standard pack cut to the same
 * rules) find exactly the same exceptions, with the same evidence, on seeded synthetic data.
 */
class BaselineAgreementTest {
    @TempDir static Path dir;
    static RuleBase pack, split;

    @BeforeAll
    static void compile() throws Exception {
        pack = RuleCompiler.compile(RulePack.subset(Path.of("rules"), BaselineEvaluator.RULES, dir.resolve("rules")));
        // the same rules with the month cut into sessions of a few metrics each, evaluated side by side
        Path small = RulePack.subset(Path.of("rules"), BaselineEvaluator.RULES, dir.resolve("split"));
        Files.writeString(small.resolve("settings.properties"), "\n" + Evaluator.SESSION_MAX_SERIES + " = 20\n", StandardOpenOption.APPEND);
        split = RuleCompiler.compile(small);
    }

    @Test
    void theSubsetPackHoldsExactlyTheBaselinesRules() {
        assertThat(pack.ruleIds()).containsExactlyInAnyOrderElementsOf(BaselineEvaluator.RULES);
    }

    @Test
    void engineAndBaselineAgreeOnEveryMonthOfGeneratedData() { agree(pack); }

    @Test
    void theyStillAgreeWhenTheMonthIsSplitIntoSessionsSideBySide() { agree(split); }

    private static void agree(RuleBase rules) {
        Set<String> rulesSeen = new TreeSet<>();
        int compared = 0;
        for (long seed : new long[] {1, 2}) {
            SyntheticData data = new SyntheticData(SyntheticData.small(seed));
            Evaluator engine = new Evaluator(rules, data.catalogue(), data.areas(), p -> { throw new AssertionError(p); });
            SeriesBuilder history = engine.history(data.observations());
            BaselineEvaluator baseline = new BaselineEvaluator(data);
            for (int m = 0; m < baseline.months(); m++) {
                Map<String, Map<String, Object>> expected = new TreeMap<>(), actual = new TreeMap<>();
                for (var f : baseline.evaluate(m)) expected.put(f.fingerprint(), f.evidence());
                for (PerformanceException e : engine.evaluate(history, data.month(m))) actual.put(e.fingerprint(), e.evidence());
                assertThat(actual.keySet()).as("exceptions at %s (seed %d)", data.month(m), seed).isEqualTo(expected.keySet());
                for (String id : expected.keySet()) assertSameEvidence(id, expected.get(id), actual.get(id));
                expected.keySet().forEach(id -> rulesSeen.add(id.substring(0, id.indexOf('|'))));
                compared += expected.size();
            }
        }
        // the data must exercise every rule compared, or the agreement would say little
        assertThat(rulesSeen).containsExactlyInAnyOrderElementsOf(BaselineEvaluator.RULES);
        assertThat(compared).isGreaterThan(100);
    }

    private static void assertSameEvidence(String id, Map<String, Object> expected, Map<String, Object> actual) {
        assertThat(actual.keySet()).as(id).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, want) -> {
            Object got = actual.get(key);
            if (want instanceof Number w && got instanceof Number g)
                assertThat(g.doubleValue()).as(id + " " + key).isCloseTo(w.doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(w.doubleValue()))));
            else assertThat(got).as(id + " " + key).isEqualTo(want);
        });
    }
}
