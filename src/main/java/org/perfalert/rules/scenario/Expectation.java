package org.perfalert.rules.scenario;

import org.perfalert.model.AreaType;
import org.perfalert.model.Direction;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.Severity;

import java.time.YearMonth;
import java.util.Map;

/**
 * An exception a scenario expects (or forbids): the rule, and optionally the metric, the area, the
 * direction, the severity, evidence values (compared within tolerance), words of the headline, and
 * SIGNALS.md 3's judgement: notable, and the calibrated statistic (expected, phi, z, z_year).
 * Anything left out matches anything.
 */
public record Expectation(String rule, String metric, AreaType areaType, String area, YearMonth month, Direction direction,
                          Severity severity, Map<String, YamlNode> evidence, double tolerance,
                          String headlineContains, Boolean notable, Map<String, YamlNode> calibrated, int line) {

    /** The default tolerance for evidence numbers: hand-computed values written to three decimals. */
    public static final double DEFAULT_TOLERANCE = 0.001;

    /** Same rule, and the same metric, area and month where given. */
    public boolean isAbout(PerformanceException e) {
        return e.rule().equals(rule)
                && (metric == null || e.metric().equals(metric))
                && (area == null || e.area().equals(area))
                && (areaType == null || e.areaType() == areaType)
                && (month == null || e.month().equals(month));
    }

    /** "twelve-month-high crimes Testshire", naming only what was given. */
    public String describe() {
        StringBuilder s = new StringBuilder(rule);
        s.append(' ').append(metric == null ? "(any metric)" : metric);
        s.append(' ').append(area == null ? "(any area)" : area);
        return s.toString();
    }
}
