package org.perfalert.digest;

import org.perfalert.model.Metric;
import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/** The figures behind the digest: the board table rows and the values the sparklines draw. */
public interface BoardSource {
    /** One row per metric that has a force figure for the month (catalogue order kept). */
    List<Digest.BoardRow> rows(List<Metric> metrics, YearMonth month);

    /** The series' values for the months from..to inclusive that have one. */
    SortedMap<YearMonth, Double> values(SeriesKey series, YearMonth from, YearMonth to);
}
