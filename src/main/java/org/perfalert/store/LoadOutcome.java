package org.perfalert.store;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;

/**
 * What loading one file changed.
 *
 * @param added         observations that were not in the store before
 * @param unchanged     observations already stored with the same figures
 * @param revised       observations stored with different figures (now replaced; see revisions)
 * @param touchedMonths the months with a new or revised figure: the months to evaluate again
 */
public record LoadOutcome(int added, int unchanged, int revised, SortedSet<YearMonth> touchedMonths,
                          List<Revision> revisions) {
    public LoadOutcome {
        touchedMonths = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(touchedMonths));
        revisions = List.copyOf(revisions);
    }
}
