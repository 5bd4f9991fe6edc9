package org.perfalert.ingest;

import org.perfalert.config.Configuration;
import org.perfalert.store.ObservationStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses, checks and stores input files, one transaction per file: a file is stored whole or, when
 * it has any problem, not at all. Used by the load command, the inbox route and the demo.
 */
public final class FileLoader {
    private final Configuration cfg;
    private final ObservationStore store;
    private final Clock clock;

    public FileLoader(Configuration cfg, ObservationStore store, Clock clock) {
        this.cfg = cfg;
        this.store = store;
        this.clock = clock;
    }

    /** What else a stored file's transaction records, knowing the result (its fate in the inbox, the months owed). */
    @FunctionalInterface
    public interface AlsoRecord {
        void in(Connection c, FileResult stored) throws SQLException;
    }

    /** Loads one file. Problems with the file make a refused result; a store failure throws StoreException. */
    public FileResult load(Path file) {
        return load(file, (c, r) -> { });
    }

    /** The same; when the file is stored, also is recorded in the same transaction (a refused file stores nothing). */
    public FileResult load(Path file, AlsoRecord also) {
        return store(FileParser.parse(file, cfg, clock), also);
    }

    private FileResult store(ParsedFile parsed, AlsoRecord also) {
        Path file = parsed.path();
        if (!parsed.ok()) return new FileResult(file, parsed, null, LoadReport.refused(parsed));
        FileResult[] stored = new FileResult[1];
        store.load(file.toString(), parsed.observations(), (c, outcome) -> {
            stored[0] = new FileResult(file, parsed, outcome, LoadReport.loaded(parsed, outcome));
            also.in(c, stored[0]);
        });
        return stored[0];
    }

    /**
     * Loads the files and folders given, each file on its own, in loading order (tidy CSV, police.uk,
     * JSON; by name), so a later file's figure wins. A path that does not exist gives a refused result.
     */
    public List<FileResult> loadAll(List<Path> filesOrFolders) {
        return loadAll(filesOrFolders, (c, r) -> { });
    }

    /** The same, with also recorded in each stored file's transaction. */
    public List<FileResult> loadAll(List<Path> filesOrFolders, AlsoRecord also) {
        List<FileResult> results = new ArrayList<>();
        Map<Path, String> missing = new LinkedHashMap<>();
        List<Path> files = InputFiles.expand(filesOrFolders, missing);
        missing.forEach((p, problem) -> {
            ParsedFile refused = ParsedFile.refused(p, List.of(problem), 0);
            results.add(new FileResult(p, refused, null, LoadReport.refused(refused)));
        });
        OrderedParsing.parse(files, cfg, clock, parsed -> results.add(store(parsed, also)));
        return results;
    }
}
