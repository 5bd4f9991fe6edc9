package org.perfalert.alerts;

import org.perfalert.model.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * One row of the alert store: the latest word on one fingerprint (rule, metric, area, month).
 * For {@code resolved} rows the severity and direction are those of the month before, headline and evidence are
 * those of the exception that stopped holding; silencedBy is the silence that kept it out of email, or null;
 * updatedAt is when an evaluation last changed the row (what the weekly digest reports on); assessment is what the
 * rule pack judged of it (SIGNALS.md: kind, notable, calibrated, strength), null for rows stored before.
 */
public record StoredAlert(long id, String fingerprint, String rule, SeriesKey series, YearMonth month,
                          AlertStatus status, Severity severity, Direction direction, String headline,
                          Map<String, Object> evidence, Long silencedBy, String runId,
                          Instant updatedAt, Assessment assessment) {

    /** A row stored without the rule pack's judgement (judged by its rule id). */
    public StoredAlert(long id, String fingerprint, String rule, SeriesKey series, YearMonth month, AlertStatus status,
                       Severity severity, Direction direction, String headline, Map<String, Object> evidence, Long silencedBy,
                       String runId, Instant updatedAt) {
        this(id, fingerprint, rule, series, month, status, severity, direction, headline, evidence, silencedBy, runId, updatedAt, null);
    }

    /** The exception this row describes (for resolved rows: the one of the month before, moved to this month). */
    public PerformanceException asException() {
        return new PerformanceException(rule, series.metric(), series.areaType(), series.area(), month,
                severity, direction, headline, evidence, assessment);
    }

    /** Series and rule: what the lifecycle follows from month to month. */
    public String track() { return track(rule, series); }

    static String track(String rule, SeriesKey s) { return rule + "|" + s.metric() + "|" + s.areaType().id() + "|" + s.area(); }
}
