package org.perfalert.digest;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.model.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/** Hand-made week alerts for ranking tests. */
final class WeekAlertFixture {
    private long next = 1;

    WeekAlert alert(String rule, String metric, String severity, Map<String, Object> evidence) {
        return new WeekAlert(next++, rule, new SeriesKey(metric, AreaType.FORCE, "Cambridgeshire"), YearMonth.of(2025, 11),
                AlertStatus.NEW, Severity.parse(severity), Direction.CONCERN, metric + " " + rule, evidence, null,
                Instant.parse("2025-12-01T08:00:00Z"), null, null);
    }
}
