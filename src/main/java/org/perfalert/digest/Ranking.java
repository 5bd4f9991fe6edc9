package org.perfalert.digest;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.model.SeriesKey;

import java.util.*;

/**
 * Orders the week's exceptions for the board: severity (high first), then strength (see {@link Strength}), then
 * concerns before improvements, new before continuing, then metric, area and rule so the order is total.
 * Exceptions of one series are grouped: the series ranks by its strongest exception.
 */
public final class Ranking {
    public static final Comparator<WeekAlert> ORDER = Comparator
            .comparing(WeekAlert::severity)
            .thenComparing(Comparator.comparingDouble(Ranking::strength).reversed())
            .thenComparing(WeekAlert::direction)
            .thenComparing(a -> a.status() != AlertStatus.NEW)
            .thenComparing(WeekAlert::series)
            .thenComparing(WeekAlert::rule)
            .thenComparing(WeekAlert::month);

    private Ranking() { }

    public static double strength(WeekAlert a) { return Strength.of(a.rule(), a.month(), a.evidence()); }

    /** The exceptions grouped by series, each group strongest first, the groups in order of their first member. */
    public static List<List<WeekAlert>> bySeries(Collection<WeekAlert> alerts) {
        Map<SeriesKey, List<WeekAlert>> groups = new LinkedHashMap<>();
        alerts.stream().sorted(ORDER).forEach(a -> groups.computeIfAbsent(a.series(), k -> new ArrayList<>()).add(a));
        return List.copyOf(groups.values());
    }
}
