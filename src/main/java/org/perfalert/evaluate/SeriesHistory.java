package org.perfalert.evaluate;

import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.*;

/** The values of one series over some months: what an evaluation used, for the charts in emails. */
@FunctionalInterface
public interface SeriesHistory {
    /** The series' values for the months from..to inclusive that have one, by month. */
    SortedMap<YearMonth, Double> values(SeriesKey series, YearMonth from, YearMonth to);

    /** A history over observations already in memory (e.g. those the evaluation used). */
    static SeriesHistory of(Collection<Observation> observations) {
        Map<SeriesKey, TreeMap<YearMonth, Double>> bySeries = new HashMap<>();
        for (Observation o : observations) bySeries.computeIfAbsent(o.key(), k -> new TreeMap<>()).put(o.month(), o.value());
        return (series, from, to) -> {
            TreeMap<YearMonth, Double> all = bySeries.get(series);
            return all == null ? new TreeMap<>() : new TreeMap<>(all.subMap(from, true, to, true));
        };
    }

    /** No history: emails go without charts. */
    SeriesHistory NONE = (series, from, to) -> new TreeMap<>();
}
