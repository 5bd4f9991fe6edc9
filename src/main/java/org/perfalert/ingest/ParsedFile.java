package org.perfalert.ingest;

import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one input file gave: its observations, or the problems that make it unusable.
 * A file with any problem is refused whole (observations is then empty).
 *
 * @param rows the number of data rows read from the file (not counting the header)
 */
public record ParsedFile(Path path, List<Observation> observations, List<String> problems, int rows) {

    public ParsedFile {
        observations = problems.isEmpty() ? List.copyOf(observations) : List.of();
        problems = List.copyOf(problems);
    }

    static ParsedFile refused(Path path, List<String> problems, int rows) {
        return new ParsedFile(path, List.of(), problems, rows);
    }

    public boolean ok() { return problems.isEmpty(); }

    public SortedSet<YearMonth> months() {
        TreeSet<YearMonth> s = new TreeSet<>();
        observations.forEach(o -> s.add(o.month()));
        return s;
    }
}
