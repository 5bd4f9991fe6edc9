package org.perfalert.rules.scenario;

import org.perfalert.config.Names;
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
        for (String pinned : s.settings().keySet())
            if (!rules.settings().has(pinned))
                differences.add("settings: \"" + pinned + "\" is not a setting of the rule pack" + Names.didYouMean(pinned, rules.settings().names())
                        + " (at " + s.file() + ":" + s.settingsLine() + ")");
        if (!differences.isEmpty()) return new ScenarioResult(s, differences);
        RuleBase rules = s.settings().isEmpty() ? this.rules : this.rules.withSettings(this.rules.settings().with(s.settings()));
        Set<String> failing = new TreeSet<>();
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
                failing.add(e.rule());
                differences.add("missing: " + e.describe() + " in " + (e.month() != null ? e.month() : s.month()) + at + firedFor(found, e));
                continue;
            }
            List<String> best = null;
            for (PerformanceException got : candidates) {
                List<String> mismatches = EvidenceCheck.mismatches(e, got);
                if (best == null || mismatches.size() < best.size()) best = mismatches;
            }
            if (!best.isEmpty()) failing.add(e.rule());
            for (String m : best) differences.add(e.describe() + ": " + m + at);
        }
        for (Expectation e : s.notExpected()) {
            if (!rules.ruleIds().contains(e.rule())) {
                differences.add("no rule \"" + e.rule() + "\" in the rule folder (not_expected at " + s.file() + ":" + e.line() + ")");
                continue;
            }
            for (PerformanceException got : found)
                if (e.isAbout(got) && EvidenceCheck.mismatches(e, got).isEmpty()) {
                    failing.add(e.rule());
                    differences.add("unexpected: " + got.rule() + " " + got.metric() + " " + got.area() + " in " + got.month()
                            + " (declared not expected at " + s.file() + ":" + e.line() + "): " + got.headline()
                            + " " + EvidenceCheck.show(got.evidence()));
                }
        }
        if (!failing.isEmpty()) dependsOn(rules, s, failing, differences);
        return new ScenarioResult(s, differences);
    }

    /**
     * A failure may come from a setting changed on purpose: the settings the failing rules depend on, with
     * their values in this run, and how to pin those the scenario does not (it was written for the values
     * of its day).
     */
    private static void dependsOn(RuleBase rules, Scenario s, Set<String> failing, List<String> differences) {
        boolean aboutSeverity = differences.stream().anyMatch(d -> d.contains("severity"));
        Set<String> used = new LinkedHashSet<>();
        for (String rule : failing)
            for (String setting : rules.settingsOf(rule))
                if (aboutSeverity || !setting.startsWith("severity.")) used.add(setting);
        if (used.isEmpty()) return;
        List<String> shown = new ArrayList<>(), free = new ArrayList<>();
        for (String setting : used) {
            boolean pinned = s.settings().containsKey(setting);
            shown.add(setting + " = " + rules.settings().text(setting) + (pinned ? " (pinned)" : ""));
            if (!pinned) free.add(setting + ": " + rules.settings().text(setting));
        }
        differences.add("depends on the settings " + String.join(", ", shown)
                + (free.isEmpty() ? "" : "; if the scenario was written for other values of them, pin those values in it: settings: { "
                + String.join(", ", free).replaceAll(": [^,]+", ": N") + " }"));
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
