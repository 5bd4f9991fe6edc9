package org.perfalert.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.perfalert.model.Observation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;

/** JSON (CONTRACT.md 1.2): an array of objects with the tidy field names; numbers as JSON numbers. */
final class JsonObservationParser {
    /** NaN and Infinity are read as numbers so that the row checker refuses them with their place and a fix. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Set<String> NUMBERS = Set.of("value", "numerator", "denominator");

    private JsonObservationParser() { }

    static ParsedFile parse(Path file, String text, RowChecker checker) {
        List<String> problems = new ArrayList<>();
        List<Observation> out = new ArrayList<>();
        int rows = 0;
        if (text.isBlank()) {
            problems.add(file + ":1: the file is empty (write an array of observations: [{\"month\": \"2024-01\", \"metric\": …, \"value\": …}])");
            return ParsedFile.refused(file, problems, 0);
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(at(file, p.currentTokenLocation()) + ": expected an array of observations, [ … ] (wrap the objects in [ and ])");
                return ParsedFile.refused(file, problems, 0);
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                rows++;
                if (t != JsonToken.START_OBJECT) {
                    problems.add(at(file, p.currentTokenLocation()) + ": expected an object {…} for each observation");
                    p.skipChildren();
                    continue;
                }
                JsonRow row = readObject(file, p, problems);
                if (row == null) continue;
                Observation o = checker.check(row, problems);
                if (o != null) out.add(o);
            }
            if (p.nextToken() != null)
                problems.add(at(file, p.currentTokenLocation()) + ": unexpected content after the array (remove it)");
        } catch (JsonProcessingException e) {
            problems.add(at(file, e.getLocation()) + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " (check commas, quotes and brackets)");
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
        }
        if (rows == 0 && problems.isEmpty())
            problems.add(file + ":1: the array is empty (add the month's figures, or do not load it)");
        return new ParsedFile(file, out, problems, rows);
    }

    private static JsonRow readObject(Path file, JsonParser p, List<String> problems) throws IOException {
        String rowAt = at(file, p.currentTokenLocation());
        Map<String, String> values = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        int before = problems.size();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName().toLowerCase(Locale.ROOT);
            JsonToken v = p.nextToken();
            String loc = atColumn(file, p.currentTokenLocation());
            if (!RowChecker.FIELDS.contains(name)) {
                problems.add(loc + ": unknown field \"" + p.currentName() + "\" (the fields are " + String.join(", ", RowChecker.FIELDS) + ")");
                p.skipChildren();
                continue;
            }
            if (where.putIfAbsent(name, loc) != null) problems.add(loc + ": field \"" + name + "\" appears twice in one object (keep one)");
            if (v == JsonToken.VALUE_NULL) continue;
            boolean number = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT;
            if (NUMBERS.contains(name) && !number) {
                problems.add(loc + ": " + name + " must be a JSON number, e.g. 12.5 (not " + describe(p, v) + ")");
                p.skipChildren();
            } else if (!NUMBERS.contains(name) && v != JsonToken.VALUE_STRING) {
                problems.add(loc + ": " + name + " must be a string in quotes (not " + describe(p, v) + ")");
                p.skipChildren();
            } else {
                String s = p.getText().trim();
                if (!s.isEmpty()) values.put(name, s);
            }
        }
        if (problems.size() > before) return null;
        return new JsonRow(rowAt, values, where);
    }

    private static String describe(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + p.getText() + "\"";
            default -> p.getText();
        };
    }

    private static String at(Path file, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? file.toString() : file + ":" + loc.getLineNr();
    }

    private static String atColumn(Path file, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private record JsonRow(String rowAt, Map<String, String> values, Map<String, String> locations) implements RawRow {
        @Override public String get(String field) { return values.get(field); }
        @Override public String where() { return rowAt; }
        @Override public String where(String field) { return locations.getOrDefault(field, rowAt); }
    }
}
