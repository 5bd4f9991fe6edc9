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
    /** Figures further from zero than this are refused as typing errors or overflow (CONTRACT.md 1.4). */
    public static final String MAX_ABS_VALUE = "ingest.max-abs-value";

    private FileParser() { }

    /** The file's observations, or every problem found in it (then nothing of it may be stored). */
    public static ParsedFile parse(Path file, Configuration cfg, Clock clock) {
        List<String> problems = new ArrayList<>();
        InputKind kind = InputKind.of(file).orElse(null);
        if (kind == null) {
            problems.add(file + ": not a file perfalert reads (name it " + InputKind.NAMES + ")");
            return ParsedFile.refused(file, problems, 0);
        }
        String text = InputText.read(file, cfg.settings().getLong(MAX_FILE_BYTES), problems);
        if (text == null) return ParsedFile.refused(file, problems, 0);
        YearMonth now = YearMonth.now(clock);
        double maxAbsValue = Double.parseDouble(cfg.settings().get(MAX_ABS_VALUE).trim());
        return switch (kind) {
            case TIDY_CSV -> TidyCsvParser.parse(file, text, new RowChecker(cfg, now, maxAbsValue));
            case POLICE_UK_STREET -> StreetFileParser.parse(file, text, cfg, now);
            case JSON -> JsonObservationParser.parse(file, text, new RowChecker(cfg, now, maxAbsValue));
        };
    }
}
