package org.perfalert.ingest;

import org.perfalert.config.Configuration;
import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.*;
import java.util.function.Consumer;

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

    /**
     * Every observation in the files and folders, handed to each file by file in loading order, so that
     * no more than a few files are held at once (a national history is read in a small heap). The same
     * (month, metric, area) in two files comes twice, the later file's last: the receiver keeps the
     * last. Every file is read even after a bad one; then RejectedInputException lists every problem
     * of every file, and what each received must be dropped (the input is taken whole or not at all).
     */
    public static void readEach(List<Path> filesOrFolders, Configuration cfg, Clock clock, Consumer<Observation> each) {
        List<String> problems = new ArrayList<>();
        List<Path> files = files(filesOrFolders, problems);
        OrderedParsing.parse(files, cfg, clock, p -> {
            problems.addAll(p.problems());
            if (problems.isEmpty()) p.observations().forEach(each);
        });
        if (!problems.isEmpty()) throw new RejectedInputException(problems);
    }

    /** As readEach, with the system clock. */
    public static void readEach(List<Path> filesOrFolders, Configuration cfg, Consumer<Observation> each) {
        readEach(filesOrFolders, cfg, Clock.systemDefaultZone(), each);
    }

    private static List<Path> files(List<Path> filesOrFolders, List<String> problems) {
        List<Path> files = InputFiles.expand(filesOrFolders, problems);
        if (files.isEmpty() && problems.isEmpty())
            problems.add(filesOrFolders + ": no input files found (expected " + InputKind.NAMES + ")");
        return files;
    }

    /** Each file parsed, in loading order; throws RejectedInputException listing every problem of every file. */
    public static List<ParsedFile> parseAll(List<Path> filesOrFolders, Configuration cfg, Clock clock) {
        List<String> problems = new ArrayList<>();
        List<Path> files = files(filesOrFolders, problems);
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
