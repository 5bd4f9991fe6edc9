package org.perfalert.ingest;

import org.perfalert.store.Crashpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Files an inbox file away after loading: into {@code processed/} when it was loaded, into
 * {@code rejected/} when it was refused, with its report beside it as {@code <name>.report.txt}.
 * Never overwrites: a name already taken gets a number ({@code 2024-01.2-street.csv.gz}). A name too long for the file
 * system with its number or report suffix is shortened ({@link FileNames#fit}). The report is written first and the
 * file moved last, so filing the same file again after a crash in between reuses the same place. A report that cannot
 * be written is logged, and the file is filed all the same: its fate is already recorded in the store.
 */
public final class InboxFiler {
    public static final String PROCESSED = "processed", REJECTED = "rejected";
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.ingest");
    /** Endings kept intact when numbering, so a renamed file is still read as the same kind. */
    private static final List<String> ENDINGS = List.of("-street.csv.gz", "-street.csv", ".csv.gz", ".json.gz", ".csv", ".json");

    private final Path inbox;

    public InboxFiler(Path inbox) { this.inbox = inbox; }

    public Path processedDir() { return inbox.resolve(PROCESSED); }

    public Path rejectedDir() { return inbox.resolve(REJECTED); }

    /** Moves the file to processed/ or rejected/ as the result says, with its report; returns where it went. */
    public Path file(FileResult result) throws IOException {
        return file(result.file(), result.loaded(), result.report().render());
    }

    /** Moves the file to processed/ (loaded) or rejected/ (refused) and writes the report beside it. */
    public Path file(Path file, boolean loaded, String report) throws IOException {
        Path dir = Files.createDirectories(loaded ? processedDir() : rejectedDir());
        String name = file.getFileName().toString();
        for (int n = 1; ; n++) {
            Path target = dir.resolve(numbered(name, n));
            Path reportFile = dir.resolve(FileNames.fit(target.getFileName().toString(), ".report.txt"));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || taken(reportFile, report)) continue;
            writeReport(reportFile, report, name);
            Crashpoints.reach("inbox.after-report");
            try {
                Files.move(file, target); // no REPLACE_EXISTING: fails rather than overwrite; a link is moved, not followed
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            return target;
        }
    }

    /** A report already there is this file's own when it says the same (written just before a crash): reuse the place. */
    private static boolean taken(Path reportFile, String report) throws IOException {
        if (!Files.exists(reportFile, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            return !Files.isRegularFile(reportFile, LinkOption.NOFOLLOW_LINKS) || !Files.readString(reportFile).equals(report);
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }

    private static void writeReport(Path reportFile, String report, String name) {
        try {
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.warn("report not written file={} report={} error=\"{}\" (the file's fate is recorded in the store)",
                    FileNames.shown(name), FileNames.shown(reportFile.getFileName().toString()), e.getMessage());
        }
    }

    /** The name itself for n = 1, else the name with ".n" before its ending (shortened if it would be too long). */
    static String numbered(String name, int n) {
        if (n == 1) return name;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS)
            if (lower.endsWith(ending) && lower.length() > ending.length()) {
                int at = name.length() - ending.length();
                return FileNames.fit(name.substring(0, at), "." + n + name.substring(at));
            }
        return FileNames.fit(name, "." + n);
    }
}
