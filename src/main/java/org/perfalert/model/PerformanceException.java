package org.perfalert.model;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;

/**
 * An exception to report: what a rule found about one series in one month (CONTRACT.md section 3).
 * evidence keeps its insertion order; values are Double, Integer/Long, String or null. assessment is
 * SIGNALS.md's word on it (kind, notable, calibrated), or null when no rule pack judged it.
 */
public record PerformanceException(String rule, String metric, AreaType areaType, String area, YearMonth month,
                                   Severity severity, Direction direction, String headline,
                                   Map<String, Object> evidence, Assessment assessment) {

    /** An exception not (yet) judged by SIGNALS.md. */
    public PerformanceException(String rule, String metric, AreaType areaType, String area, YearMonth month,
                                Severity severity, Direction direction, String headline, Map<String, Object> evidence) {
        this(rule, metric, areaType, area, month, severity, direction, headline, evidence, null);
    }

    /** Contract order: month, severity (high first), metric, area, rule. */
    public static final Comparator<PerformanceException> ORDER = Comparator
            .comparing(PerformanceException::month)
            .thenComparing(PerformanceException::severity)
            .thenComparing(PerformanceException::metric)
            .thenComparing(PerformanceException::area)
            .thenComparing(PerformanceException::rule);

    public SeriesKey seriesKey() { return new SeriesKey(metric, areaType, area); }

    /** The identity used to deduplicate: rule, metric, area, month. */
    public String fingerprint() {
        return rule + "|" + metric + "|" + areaType.id() + "|" + area + "|" + month;
    }

    /** The kind the rule pack gave it, or for an exception it did not judge the kind of its standard rule id. */
    public ExceptionKind kind() { return assessment != null ? assessment.kind() : ExceptionKind.ofStandardRule(rule); }

    /** Notable (SIGNALS.md 3); an exception not judged is notable only when it is a signal or a threshold. */
    public boolean notable() { return assessment != null ? assessment.notable() : kind() != ExceptionKind.EXCEPTION; }

    /** The same exception with an assessment. */
    public PerformanceException assessed(Assessment a) {
        return new PerformanceException(rule, metric, areaType, area, month, severity, direction, headline, evidence, a);
    }

    /** The same exception in another month (a resolved row describes last month's exception at this month). */
    public PerformanceException inMonth(YearMonth m) {
        return new PerformanceException(rule, metric, areaType, area, m, severity, direction, headline, evidence, assessment);
    }

    public double value() { return ((Number) evidence.get("value")).doubleValue(); }
}
