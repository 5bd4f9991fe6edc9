package org.perfalert.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Files an inbox file away after loading: into {@code processed/} when it was loaded, into
 * {@code rejected/} when it was refused, with its report beside it as {@code <name>.report.txt}.
 * Never overwrites: a name already taken gets a number ({@code 2024-01.2-street.csv.gz}).
 */
public final class InboxFiler {
    public static final String PROCESSED = "processed", REJECTED = "rejected";
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
            Path reportFile = dir.resolve(target.getFileName() + ".report.txt");
            if (Files.exists(target) || Files.exists(reportFile)) continue;
            try {
                Files.move(file, target); // no REPLACE_EXISTING: fails rather than overwrite
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            Files.writeString(reportFile, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return target;
        }
    }

    /** The name itself for n = 1, else the name with ".n" before its ending. */
    static String numbered(String name, int n) {
        if (n == 1) return name;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS)
            if (lower.endsWith(ending) && lower.length() > ending.length()) {
                int at = name.length() - ending.length();
                return name.substring(0, at) + "." + n + name.substring(at);
            }
        return name + "." + n;
    }
}
