package org.perfalert.alerts;

import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.perfalert.alerts.AlertTestSupport.exception;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;

/** Hand-made exceptions and stored rows for the stages' table tests. */
final class StageFixtures {
    static final YearMonth FEB = YearMonth.of(2025, 2), MAR = YearMonth.of(2025, 3);

    private StageFixtures() { }

    /** Fenland burglary exceptionally high in the month (a signal: what leads are emailed), with the figure given. */
    static PerformanceException high(YearMonth month, double value) {
        return exception("exceptional-high", "burglary", "Fenland", month, HIGH, CONCERN, value);
    }

    static SeriesKey series() { return high(MAR, 0).seriesKey(); }

    /** The row the store would hold for the exception with this status. */
    static StoredAlert stored(long id, PerformanceException e, AlertStatus status, Long silencedBy) {
        return new StoredAlert(id, e.fingerprint(), e.rule(), e.seriesKey(), e.month(), status, e.severity(), e.direction(),
                e.headline(), new LinkedHashMap<>(e.evidence()), silencedBy, "earlier-run", Instant.parse("2025-03-02T08:00:00Z"));
    }

    static Map<String, StoredAlert> byFingerprint(StoredAlert... rows) {
        Map<String, StoredAlert> out = new LinkedHashMap<>();
        for (StoredAlert a : rows) out.put(a.fingerprint(), a);
        return out;
    }
}
