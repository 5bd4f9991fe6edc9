package org.perfalert.digest;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.model.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * An alert row that changed during the digest's week (its last change, updated_at, fell in the week), with the
 * latest acknowledgement comment on it, if any.
 */
public record WeekAlert(long id, String rule, SeriesKey series, YearMonth month, AlertStatus status, Severity severity,
                        Direction direction, String headline, Map<String, Object> evidence, Long silencedBy,
                        Instant updatedAt, String ackBy, String ackComment) {

    public boolean holds() { return status.holds(); }

    public boolean silenced() { return silencedBy != null; }

    public boolean acknowledged() { return ackBy != null; }
}
