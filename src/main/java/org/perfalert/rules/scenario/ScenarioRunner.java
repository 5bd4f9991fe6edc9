package org.perfalert.rules.scenario;

import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;

import java.util.*;

/**
 * Runs a scenario against a compiled rule folder: evaluates its month over its observations (all
 * earlier months as history, exactly as evaluate does) and lists every difference from what the
 * scenario expects. Exceptions the scenario says nothing about are ignored.
 */
public final class ScenarioRunner {
    private final RuleBase rules;

    public ScenarioRunner(RuleBase rules) { this.rules = rules; }

    public ScenarioResult run(Scenario s) {
        List<String> differences = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Evaluator evaluator = new Evaluator(rules, s.config().catalogue(), s.config().areas(), failures::add);
        List<PerformanceException> found = evaluator.evaluate(s.observations(), s.month());
        failures.forEach(f -> differences.add("rule failed while running: " + f));
        for (Expectation e : s.expected()) {
            String at = " (expected at " + s.file() + ":" + e.line() + ")";
            if (!rules.ruleIds().contains(e.rule())) {
                differences.add("no rule \"" + e.rule() + "\" in the rule folder" + at);
                continue;
            }
            List<PerformanceException> candidates = found.stream().filter(e::isAbout).toList();
            if (candidates.isEmpty()) {
                differences.add("missing: " + e.describe() + " in " + (e.month() != null ? e.month() : s.month()) + at + firedFor(found, e));
                continue;
            }
            List<String> best = null;
            for (PerformanceException got : candidates) {
                List<String> mismatches = EvidenceCheck.mismatches(e, got);
                if (best == null || mismatches.size() < best.size()) best = mismatches;
            }
            for (String m : best) differences.add(e.describe() + ": " + m + at);
        }
        for (Expectation e : s.notExpected()) {
            if (!rules.ruleIds().contains(e.rule())) {
                differences.add("no rule \"" + e.rule() + "\" in the rule folder (not_expected at " + s.file() + ":" + e.line() + ")");
                continue;
            }
            for (PerformanceException got : found)
                if (e.isAbout(got) && EvidenceCheck.mismatches(e, got).isEmpty())
                    differences.add("unexpected: " + got.rule() + " " + got.metric() + " " + got.area() + " in " + got.month()
                            + " (declared not expected at " + s.file() + ":" + e.line() + "): " + got.headline()
                            + " " + EvidenceCheck.show(got.evidence()));
        }
        return new ScenarioResult(s, differences);
    }

    /** What did fire for the metric and area asked about, to help see why the expected one did not. */
    private static String firedFor(List<PerformanceException> found, Expectation e) {
        Set<String> rules = new TreeSet<>();
        for (PerformanceException got : found)
            if ((e.metric() == null || got.metric().equals(e.metric())) && (e.area() == null || got.area().equals(e.area())))
                rules.add(got.rule());
        return rules.isEmpty() ? "; nothing fired for it" : "; fired for it: " + String.join(", ", rules);
    }
}
