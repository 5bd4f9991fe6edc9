package org.perfalert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.perfalert.model.AreaType;
import org.perfalert.model.Areas;
import org.perfalert.model.Observation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * An analyst's rule scenario (rules/tests/*.yaml): observations, inline or from a data file, the
 * month to evaluate, and the exceptions expected and not expected there.
 *
 * <pre>
 * name: a new 12-month high fires
 * month: 2021-12
 * observations:
 *   - { metric: robbery, area: Cambridgeshire, from: 2021-01, values: [10, 10, ..., 20] }   # null for a gap
 * data: [figures.csv]            # optional, relative to the scenario file
 * expect:
 *   - { rule: twelve-month-high, metric: robbery, area: Cambridgeshire, evidence: { previous_max: 10 } }
 * expect_not:
 *   - { rule: twelve-month-low }
 * </pre>
 * An expectation matches an exception when every field it gives is equal (numbers in evidence
 * to within 0.0001); month defaults to the scenario's month.
 */
public record Scenario(Path file, String name, YearMonth month, List<Observation> observations, List<Path> dataFiles,
                       List<Map<String, Object>> expect, List<Map<String, Object>> expectNot) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads a scenario; mistakes are reported with the file and the entry concerned. */
    @SuppressWarnings("unchecked")
    public static Scenario read(Path file, Areas areas) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a YAML mapping (name, month, observations, expect)");
        String name = root.path("name").asText(file.getFileName().toString());
        YearMonth month = month(root.get("month"), file + ": month");
        List<Observation> obs = new ArrayList<>();
        int i = 0;
        for (JsonNode run : root.path("observations")) {
            i++;
            String where = file + ": observations entry " + i;
            String metric = required(run, "metric", where);
            String area = run.path("area").asText(areas.force());
            AreaType type = run.hasNonNull("area_type") ? AreaType.parse(run.get("area_type").asText())
                    : areas.typeOf(area).orElseThrow(() -> new IllegalArgumentException(where + ": area \"" + area + "\" is not in areas.yaml"));
            YearMonth from = month(run.get("from"), where + ": from");
            JsonNode values = run.path("values"), nums = run.path("numerators"), dens = run.path("denominators");
            if (!values.isArray() || values.isEmpty()) throw new IllegalArgumentException(where + ": \"values\" must be a list of numbers (null for a missing month)");
            for (int k = 0; k < values.size(); k++) {
                if (values.get(k).isNull()) continue;
                Long n = nums.has(k) && !nums.get(k).isNull() ? nums.get(k).asLong() : null;
                Long d = dens.has(k) && !dens.get(k).isNull() ? dens.get(k).asLong() : null;
                obs.add(new Observation(from.plusMonths(k), metric, type, area, values.get(k).asDouble(), n, d));
            }
        }
        List<Path> data = new ArrayList<>();
        root.path("data").forEach(d -> data.add(file.resolveSibling(d.asText())));
        if (root.path("data").isTextual()) data.add(file.resolveSibling(root.get("data").asText()));
        List<Map<String, Object>> expect = YAML.convertValue(root.path("expect").isArray() ? root.get("expect") : YAML.createArrayNode(), List.class);
        List<Map<String, Object>> expectNot = YAML.convertValue(root.path("expect_not").isArray() ? root.get("expect_not") : YAML.createArrayNode(), List.class);
        return new Scenario(file, name, month, obs, data, expect, expectNot);
    }

    private static String required(JsonNode n, String field, String where) {
        if (!n.hasNonNull(field)) throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
        return n.get(field).asText();
    }

    private static YearMonth month(JsonNode n, String where) {
        if (n == null || n.isNull()) throw new IllegalArgumentException(where + ": missing (use YYYY-MM)");
        try {
            return YearMonth.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": \"" + n.asText() + "\" is not a month (use YYYY-MM)");
        }
    }
}
