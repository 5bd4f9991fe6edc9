package org.perfalert.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats of CONTRACT.md 1.1–1.3, told apart by file name. Declared in loading order. */
public enum InputKind {
    TIDY_CSV, POLICE_UK_STREET, JSON;

    public static Optional<InputKind> of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith("-street.csv") || n.endsWith("-street.csv.gz")) return Optional.of(POLICE_UK_STREET);
        if (n.endsWith(".csv")) return Optional.of(TIDY_CSV);
        if (n.endsWith(".json")) return Optional.of(JSON);
        return Optional.empty();
    }
}
