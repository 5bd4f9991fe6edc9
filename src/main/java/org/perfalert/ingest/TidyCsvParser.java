package org.perfalert.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.perfalert.model.Observation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.*;

/** Tidy CSV (CONTRACT.md 1.1): columns found by header name, in any order, case-insensitive. */
final class TidyCsvParser {
    private TidyCsvParser() { }

    static ParsedFile parse(Path file, String text, RowChecker checker) {
        List<String> problems = new ArrayList<>();
        List<Observation> out = new ArrayList<>();
        LineIndex lines = new LineIndex(text);
        int rows = 0;
        try (CSVParser csv = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> it = csv.iterator();
            if (!it.hasNext()) {
                problems.add(file + ":1: the file is empty (it needs a header row, " + String.join(",", RowChecker.FIELDS) + ", and data rows)");
                return ParsedFile.refused(file, problems, 0);
            }
            Map<String, Integer> columns = header(file, it.next(), problems);
            if (columns == null) return ParsedFile.refused(file, problems, 0);
            while (it.hasNext()) {
                CSVRecord r = it.next();
                rows++;
                int line = lines.lineOf(r.getCharacterPosition());
                if (r.size() != columns.size()) {
                    problems.add(file + ":" + line + ": the row has " + r.size() + " fields but the header has " + columns.size()
                            + " (check for a missing or extra comma, or quote values that contain commas)");
                    continue;
                }
                Observation o = checker.check(new CsvRow(file, line, r, columns), problems);
                if (o != null) out.add(o);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(file + ": not valid CSV: " + e.getMessage() + " (check the quotes: a value in quotes must end with a quote)");
        }
        if (rows == 0 && problems.isEmpty())
            problems.add(file + ":2: the file has a header but no data rows (add the month's figures, or do not load it)");
        return new ParsedFile(file, out, problems, rows);
    }

    /** Column positions by lower-case name, or null when the header is unusable. */
    private static Map<String, Integer> header(Path file, CSVRecord header, List<String> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        int before = problems.size();
        boolean anyKnown = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (RowChecker.FIELDS.contains(name)) anyKnown = true;
        }
        if (!anyKnown) {
            problems.add(file + ":1: no header row (the first line must name the columns: "
                    + String.join(",", RowChecker.FIELDS) + "; month, metric and value are required)");
            return null;
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!RowChecker.FIELDS.contains(name))
                problems.add(file + ":1:" + (i + 1) + ": unknown column \"" + header.get(i) + "\" (the columns are "
                        + String.join(", ", RowChecker.FIELDS) + "; remove or rename it)");
            else if (columns.putIfAbsent(name, i) != null)
                problems.add(file + ":1:" + (i + 1) + ": column \"" + name + "\" appears twice (keep one)");
        }
        for (String req : RowChecker.REQUIRED)
            if (!columns.containsKey(req))
                problems.add(file + ":1: the required column \"" + req + "\" is missing (add it to the header)");
        return problems.size() > before ? null : columns;
    }

    private record CsvRow(Path file, int line, CSVRecord r, Map<String, Integer> columns) implements RawRow {
        @Override
        public String get(String field) {
            Integer i = columns.get(field);
            if (i == null) return null;
            String v = r.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        @Override
        public String where() { return file + ":" + line; }

        @Override
        public String where(String field) {
            Integer i = columns.get(field);
            return i == null ? where() : file + ":" + line + ":" + (i + 1);
        }
    }
}
