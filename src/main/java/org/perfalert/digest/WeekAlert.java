package org.perfalert.digest;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.model.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * An alert row that changed during the digest's week (its last change, updated_at, fell in the week), with the
 * latest acknowledgement comment on it, if any, and what the rule pack judged of it (SIGNALS.md), or null.
 */
public record WeekAlert(long id, String rule, SeriesKey series, YearMonth month, AlertStatus status, Severity severity,
                        Direction direction, String headline, Map<String, Object> evidence, Long silencedBy,
                        Instant updatedAt, String ackBy, String ackComment, Assessment assessment) {

    public WeekAlert(long id, String rule, SeriesKey series, YearMonth month, AlertStatus status, Severity severity,
                     Direction direction, String headline, Map<String, Object> evidence, Long silencedBy, Instant updatedAt,
                     String ackBy, String ackComment) {
        this(id, rule, series, month, status, severity, direction, headline, evidence, silencedBy, updatedAt, ackBy, ackComment, null);
    }

    /** Signal, threshold or another section-5 exception (by its rule id when the row was stored without a judgement). */
    public ExceptionKind kind() { return assessment != null ? assessment.kind() : ExceptionKind.ofStandardRule(rule); }

    /** Notable (SIGNALS.md 3); a row stored without a judgement: notable when a signal or a threshold. */
    public boolean notable() { return assessment != null ? assessment.notable() : kind() != ExceptionKind.EXCEPTION; }

    /** How far past its bar (Assessment.strength); 0 when not judged. */
    public double strength() { return assessment == null ? 0 : assessment.strength(); }

    public boolean holds() { return status.holds(); }

    public boolean silenced() { return silencedBy != null; }

    public boolean acknowledged() { return ackBy != null; }
}
