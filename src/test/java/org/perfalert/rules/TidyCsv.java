package org.perfalert.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A tiny reader for the tests' simple tidy CSV files (all columns present); not the product's reader. */
final class TidyCsv {
    private TidyCsv() { }

    static List<Observation> read(Path file) throws IOException {
        List<Observation> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                out.add(new Observation(YearMonth.parse(rec.get("month")), rec.get("metric"),
                        AreaType.parse(rec.get("area_type")), rec.get("area"), Double.parseDouble(rec.get("value")),
                        whole(rec, "numerator"), whole(rec, "denominator")));
            }
        }
        return out;
    }

    private static Long whole(CSVRecord rec, String column) {
        if (!rec.isMapped(column)) return null;
        String v = rec.get(column);
        return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
    }
}
