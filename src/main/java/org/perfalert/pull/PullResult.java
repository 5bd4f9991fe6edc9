package org.perfalert.pull;

import org.perfalert.ingest.FileResult;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one pull of one source did: the files loaded (each whole or not at all), or why the source gave
 * nothing. failure is null when every payload was fetched and loaded.
 */
public record PullResult(Source source, PullWindow window, String runId, List<FileResult> loads, String failure) {

    public boolean ok() { return failure == null; }

    /** True when the pull added or revised figures: then there are months to evaluate. */
    public boolean changedFigures() { return !touchedMonths().isEmpty(); }

    /** The months with new or revised figures: to evaluate again. */
    public SortedSet<YearMonth> touchedMonths() {
        SortedSet<YearMonth> months = new TreeSet<>();
        loads.forEach(r -> months.addAll(r.touchedMonths()));
        return months;
    }

    /** The load report of every file, then a line saying how the pull went. */
    public String render() {
        StringBuilder out = new StringBuilder();
        loads.forEach(r -> out.append(r.report().render()));
        out.append("source ").append(source.name()).append(" (").append(source.kind().id())
                .append(source.kind() == Source.Kind.FOLDER ? "" : ", " + window).append("): ");
        if (!ok()) out.append("FAILED: ").append(failure);
        else if (loads.isEmpty()) out.append("nothing to load");
        else out.append("pulled and loaded, months to evaluate: ")
                .append(touchedMonths().isEmpty() ? "none (no figure changed)" : touchedMonths().toString());
        out.append(System.lineSeparator());
        return out.toString();
    }
}
