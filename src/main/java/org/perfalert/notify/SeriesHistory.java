package org.perfalert.notify;

import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.SortedMap;

/** The values of one series, for the charts in emails (the lead wires this to the observation store). */
@FunctionalInterface
public interface SeriesHistory {
    /** The series' values for the months from..to inclusive that have one, by month. */
    SortedMap<YearMonth, Double> values(SeriesKey series, YearMonth from, YearMonth to);
}
