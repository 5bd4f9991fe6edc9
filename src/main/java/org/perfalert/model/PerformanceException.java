package org.perfalert.model;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;

/**
 * An exception to report: what a rule found about one series in one month (CONTRACT.md section 3).
 * evidence keeps its insertion order; values are Double, Integer/Long, String or null.
 */
public record PerformanceException(String rule, String metric, AreaType areaType, String area, YearMonth month,
                                   Severity severity, Direction direction, String headline,
                                   Map<String, Object> evidence) {

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

    public double value() { return ((Number) evidence.get("value")).doubleValue(); }
}
