package org.perfalert.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The input formats of CONTRACT.md 1.1–1.3, told apart by file name; each may be gzipped ({@code .gz}).
 * Declared in loading order.
 */
public enum InputKind {
    TIDY_CSV, POLICE_UK_STREET, JSON;

    /** The names perfalert reads, for messages. */
    public static final String NAMES = "*.csv for tidy CSV, *.json for JSON, *-street.csv for a data.police.uk street file; "
            + "each may be gzipped as *.gz";

    public static Optional<InputKind> of(Path file) {
        String n = lowerName(file);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith("-street.csv")) return Optional.of(POLICE_UK_STREET);
        if (n.endsWith(".csv")) return Optional.of(TIDY_CSV);
        if (n.endsWith(".json")) return Optional.of(JSON);
        return Optional.empty();
    }

    /** Whether the file is gzipped (its name ends in .gz), so read through gunzip. */
    static boolean gzipped(Path file) { return lowerName(file).endsWith(".gz"); }

    private static String lowerName(Path file) { return file.getFileName().toString().toLowerCase(Locale.ROOT); }
}
