package org.perfalert.rules;

import org.perfalert.model.Assessment;
import org.perfalert.model.Direction;
import org.perfalert.model.ExceptionKind;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.Figure;
import org.perfalert.rules.calibration.Notable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rules found in one evaluation. Rules call alerts.raise(...) (the global "alerts"); the
 * rule's id is the rule's name, its severity comes from the settings and its direction from the
 * movement and the metric's better direction (CONTRACT.md 5.1, "Direction"). Each exception is judged
 * as it is raised (SIGNALS.md 3): its kind and `notable` by the rule's notable.basis setting, its
 * `calibrated` statistic from the figure's calibration, and the strength that ranks it in an email.
 * Rules never see the judgement: it changes nothing they decide.
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
        Map<String, Object> found = evidence.asMap();
        raised.add(new PerformanceException(currentRule, s.getMetricId(), s.getLevel(), s.getArea(), s.getMonth(),
                settings.severity(currentRule), Direction.of(movement.rising(), s.getMetric().better()),
                headline, found, judge(currentRule, movement.rising(), s.calibrationOrNull(), found)));
    }

    /** SIGNALS.md's word on an exception: kind, notable, calibrated and strength (see {@link Assessment}). */
    Assessment judge(String rule, boolean up, Figure figure, Map<String, Object> evidence) {
        CalibrationSettings c = settings.forSeries().calibration();
        Notable.Basis basis = settings.notableBasis(rule);
        Notable.Verdict v = Notable.judge(basis, rule, up, figure, Notable.runMonths(rule, evidence), c);
        ExceptionKind kind = basis == Notable.Basis.SIGNAL ? ExceptionKind.SIGNAL
                : basis == Notable.Basis.ALWAYS ? ExceptionKind.THRESHOLD : ExceptionKind.EXCEPTION;
        return new Assessment(kind, v.notable(), figure == null ? null : figure.toCalibrated(),
                strength(kind, v.statistic(), evidence, c));
    }

    /** How far past its bar an exception is (1 = just past; see {@link Assessment}). */
    static double strength(ExceptionKind kind, Double statistic, Map<String, Object> evidence, CalibrationSettings c) {
        switch (kind) {
            case SIGNAL -> {
                if (evidence.get("p_adjusted") instanceof Number p)
                    return p.doubleValue() <= 0 ? Double.MAX_VALUE : Math.log(p.doubleValue()) / Math.log(c.fdrQ());
                if (evidence.get("cusum") instanceof Number cusum) return cusum.doubleValue() / c.cusumH();
                return 1;
            }
            case THRESHOLD -> {
                if (evidence.get("limit") instanceof Number limit && evidence.get("value") instanceof Number value) {
                    double l = limit.doubleValue(), x = value.doubleValue();
                    return 1 + Math.abs(x - l) / (l == 0 ? 1 : Math.abs(l));
                }
                return 1;
            }
            default -> { return statistic == null ? 0 : Math.abs(statistic) / c.notableMinZ(); }
        }
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
