package org.perfalert.ingest;

import org.perfalert.model.Observation;
import org.perfalert.store.LoadOutcome;
import org.perfalert.store.Revision;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** The report printed (and filed beside inbox files) for one loaded or refused file. */
public record LoadReport(Path file, int rows, List<Observation> observations, LoadOutcome outcome, List<String> problems) {
    private static final int MAX_REVISIONS_SHOWN = 20;

    public static LoadReport loaded(ParsedFile parsed, LoadOutcome outcome) {
        return new LoadReport(parsed.path(), parsed.rows(), parsed.observations(), outcome, List.of());
    }

    public static LoadReport refused(ParsedFile parsed) {
        return new LoadReport(parsed.path(), parsed.rows(), List.of(), null, parsed.problems());
    }

    public boolean loaded() { return outcome != null; }

    public String render() {
        List<String> out = new ArrayList<>();
        if (!loaded()) {
            out.add(file + ": REFUSED, nothing of it was stored (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "; correct the file and load it again)");
            problems.forEach(p -> out.add("  " + p));
            return String.join(System.lineSeparator(), out) + System.lineSeparator();
        }
        SortedSet<YearMonth> months = new java.util.TreeSet<>();
        observations.forEach(o -> months.add(o.month()));
        long metrics = observations.stream().map(Observation::metric).distinct().count();
        long areas = observations.stream().map(Observation::place).distinct().count();
        out.add(file + ": loaded");
        out.add("  rows read:    " + rows);
        out.add("  observations: " + observations.size() + " (" + metrics + (metrics == 1 ? " metric, " : " metrics, ")
                + areas + (areas == 1 ? " area" : " areas") + "; " + describe(months) + ")");
        out.add("  new: " + outcome.added() + ", unchanged: " + outcome.unchanged() + ", revised: " + outcome.revised());
        List<Revision> rs = outcome.revisions();
        for (int i = 0; i < Math.min(rs.size(), MAX_REVISIONS_SHOWN); i++) {
            Revision r = rs.get(i);
            out.add("    revised " + r.month() + " " + r.key().metric() + " " + r.key().areaType().id() + " " + r.key().area()
                    + ": " + RowChecker.fmt(r.oldValue()) + " -> " + RowChecker.fmt(r.newValue()) + " (was from " + r.oldSource() + ")");
        }
        if (rs.size() > MAX_REVISIONS_SHOWN) out.add("    … and " + (rs.size() - MAX_REVISIONS_SHOWN) + " more revisions");
        if (!outcome.touchedMonths().isEmpty()) out.add("  months to evaluate: " + describe(outcome.touchedMonths()));
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** "2024-01" · "2024-01, 2024-03" · "2024-01 to 2025-12 (24 months)". */
    static String describe(SortedSet<YearMonth> months) {
        if (months.isEmpty()) return "none";
        if (months.size() <= 3) return String.join(", ", months.stream().map(YearMonth::toString).toList());
        return months.first() + " to " + months.last() + " (" + months.size() + " months)";
    }
}
