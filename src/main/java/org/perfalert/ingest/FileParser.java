package org.perfalert.ingest;

import org.perfalert.config.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks one input file of any supported kind. */
public final class FileParser {
    public static final String MAX_FILE_BYTES = "load.max.file.bytes";

    private FileParser() { }

    /** The file's observations, or every problem found in it (then nothing of it may be stored). */
    public static ParsedFile parse(Path file, Configuration cfg, Clock clock) {
        List<String> problems = new ArrayList<>();
        InputKind kind = InputKind.of(file).orElse(null);
        if (kind == null) {
            problems.add(file + ": not a file perfalert reads (name it *.csv for tidy CSV, *.json for JSON, "
                    + "or *-street.csv[.gz] for a data.police.uk street file)");
            return ParsedFile.refused(file, problems, 0);
        }
        String text = InputText.read(file, cfg.settings().getLong(MAX_FILE_BYTES), problems);
        if (text == null) return ParsedFile.refused(file, problems, 0);
        YearMonth now = YearMonth.now(clock);
        return switch (kind) {
            case TIDY_CSV -> TidyCsvParser.parse(file, text, cfg, now);
            case POLICE_UK_STREET -> StreetFileParser.parse(file, text, cfg, now);
            case JSON -> JsonObservationParser.parse(file, text, cfg, now);
        };
    }
}
