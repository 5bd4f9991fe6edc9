package org.perfalert.rules;

import org.perfalert.model.Direction;
import org.perfalert.model.PerformanceException;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules found in one evaluation. Rules call alerts.raise(...) (the global "alerts"); the
 * rule's id is the rule's name, its severity comes from the settings and its direction from the
 * movement and the metric's better direction (CONTRACT.md 5.1, "Direction").
 */
public final class Alerts {
    private final RuleSettings settings;
    private final List<PerformanceException> raised = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private String currentRule = "?";

    public Alerts(RuleSettings settings) { this.settings = settings; }

    void firing(String rule) { currentRule = rule; }

    /** Raise an exception about a series for the rule now firing. */
    public void raise(Series s, Movement movement, String headline, Evidence evidence) {
        raised.add(new PerformanceException(currentRule, s.getMetricId(), s.getLevel(), s.getArea(), s.getMonth(),
                settings.severity(currentRule), Direction.of(movement.rising(), s.getMetric().better()),
                headline, evidence.asMap()));
    }

    /** A rule's action failed for one series; the rest of the evaluation goes on. */
    void failed(String rule, Object series, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        failures.add("rule \"" + rule + "\" failed for " + series + ": " + root);
    }

    public List<PerformanceException> raised() { return raised; }

    public List<String> failures() { return failures; }
}
