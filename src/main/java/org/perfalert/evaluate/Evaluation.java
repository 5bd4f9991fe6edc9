package org.perfalert.evaluate;

import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * What one month's evaluation found, as the later stages read it: the findings (in contract order), the series that
 * were evaluated (they had a figure for the month, so only they can resolve or withdraw an alert), and the history
 * the rules saw (derived area and force totals included), from which the emails draw their charts.
 */
public record Evaluation(YearMonth month, List<PerformanceException> findings, Set<SeriesKey> evaluated, SeriesHistory history) {
    public Evaluation {
        for (PerformanceException e : findings)
            if (!e.month().equals(month))
                throw new IllegalArgumentException("exception " + e.fingerprint() + " is not for the month evaluated, " + month);
        findings = List.copyOf(findings);
        evaluated = Set.copyOf(evaluated);
    }
}
