package org.perfalert.ingest;

import org.perfalert.config.Configuration;
import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.*;

/**
 * Reads observations straight from files, without the store (for evaluate and backtest).
 * Returns only the figures given: area and force totals are not derived here.
 */
public final class ObservationReader {
    private ObservationReader() { }

    /** Every observation in the files and folders; throws RejectedInputException if any file is bad. */
    public static List<Observation> readAll(List<Path> filesOrFolders, Configuration cfg) {
        return readAll(filesOrFolders, cfg, Clock.systemDefaultZone());
    }

    /**
     * As {@link #readAll(List, Configuration)}, with the clock that says which months are in the future.
     * When the same (month, metric, area) is in two files, the later file (in loading order) wins.
     */
    public static List<Observation> readAll(List<Path> filesOrFolders, Configuration cfg, Clock clock) {
        List<ParsedFile> parsed = parseAll(filesOrFolders, cfg, clock);
        Map<List<Object>, Observation> merged = new HashMap<>();
        for (ParsedFile f : parsed)
            for (Observation o : f.observations())
                merged.put(List.of(o.month(), o.metric(), o.areaType(), o.area()), o);
        List<Observation> out = new ArrayList<>(merged.values());
        out.sort(Comparator.comparing(Observation::month).thenComparing(Observation::key));
        return out;
    }

    /** Each file parsed, in loading order; throws RejectedInputException listing every problem of every file. */
    public static List<ParsedFile> parseAll(List<Path> filesOrFolders, Configuration cfg, Clock clock) {
        List<String> problems = new ArrayList<>();
        List<Path> files = InputFiles.expand(filesOrFolders, problems);
        if (files.isEmpty() && problems.isEmpty())
            problems.add(filesOrFolders + ": no input files found (expected " + InputKind.NAMES + ")");
        List<ParsedFile> parsed = new ArrayList<>();
        OrderedParsing.parse(files, cfg, clock, p -> {
            problems.addAll(p.problems());
            parsed.add(p);
        });
        if (!problems.isEmpty()) throw new RejectedInputException(problems);
        return parsed;
    }

    /** The latest month in the observations, if any. */
    public static Optional<YearMonth> latestMonth(List<Observation> observations) {
        return observations.stream().map(Observation::month).max(Comparator.naturalOrder());
    }
}
