package org.perfalert.ingest;

import org.perfalert.store.LoadOutcome;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The result of loading one file: what was parsed, what the store did (null when refused), the report. */
public record FileResult(Path file, ParsedFile parsed, LoadOutcome outcome, LoadReport report) {

    public boolean loaded() { return outcome != null; }

    public List<String> problems() { return parsed.problems(); }

    /** The months with a new or revised figure, to evaluate again (empty when refused or nothing changed). */
    public SortedSet<YearMonth> touchedMonths() {
        return outcome == null ? Collections.unmodifiableSortedSet(new TreeSet<>()) : outcome.touchedMonths();
    }
}
