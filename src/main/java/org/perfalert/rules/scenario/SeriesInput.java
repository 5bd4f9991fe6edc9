package org.perfalert.rules.scenario;

import org.perfalert.config.Configuration;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * One series written compactly in a scenario: a metric, an area, the first month and the values
 * month by month (null or ~ for a month with no figure), with optional numerators and denominators
 * of the same length. A rate may give only numerators and denominators: its value is then
 * 100 × numerator / denominator.
 */
final class SeriesInput {
    private static final Set<String> KEYS = Set.of("metric", "area", "area_type", "from", "values", "numerators", "denominators");

    private SeriesInput() { }

    static List<Observation> read(Path file, YamlNode node, Configuration config) throws ScenarioError {
        Map<String, YamlNode> m = ScenarioReader.mapping(file, node, "a series of observations", KEYS);
        for (String needed : List.of("metric", "from"))
            if (!m.containsKey(needed)) throw ScenarioError.at(file, node, "a series needs \"" + needed + "\"");
        String metric = ScenarioReader.text(file, m.get("metric"), "metric");
        if (!config.catalogue().contains(metric))
            throw ScenarioError.at(file, m.get("metric"), "metric \"" + metric + "\" is not in the scenario's configuration (metrics: "
                    + String.join(", ", config.catalogue().all().stream().map(x -> x.id()).toList()) + ")");
        String area = m.containsKey("area") ? ScenarioReader.text(file, m.get("area"), "area") : config.areas().force();
        AreaType type = areaType(file, m, area, config);
        YearMonth from = ScenarioReader.month(file, m.get("from"));
        List<Double> values = numbers(file, m.get("values"), "values");
        List<Double> numerators = wholeNumbers(file, m.get("numerators"), "numerators");
        List<Double> denominators = wholeNumbers(file, m.get("denominators"), "denominators");
        if ((numerators == null) != (denominators == null))
            throw ScenarioError.at(file, node, "give both \"numerators\" and \"denominators\", or neither");
        if (values == null && numerators == null) throw ScenarioError.at(file, node, "a series needs \"values\" (or numerators and denominators)");
        int n = values != null ? values.size() : numerators.size();
        if (numerators != null && (numerators.size() != n || denominators.size() != n))
            throw ScenarioError.at(file, m.get("numerators"), "values, numerators and denominators must have the same number of months ("
                    + n + ", " + numerators.size() + ", " + denominators.size() + ")");
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long num = numerators == null || numerators.get(i) == null ? null : Math.round(numerators.get(i));
            Long den = denominators == null || denominators.get(i) == null ? null : Math.round(denominators.get(i));
            Double v = values != null ? values.get(i) : num == null || den == null || den == 0 ? null : 100.0 * num / den;
            if (v != null) out.add(new Observation(from.plusMonths(i), metric, type, area, v, num, den));
        }
        return out;
    }

    private static AreaType areaType(Path file, Map<String, YamlNode> m, String area, Configuration config) throws ScenarioError {
        Optional<AreaType> known = config.areas().typeOf(area);
        YamlNode where = m.containsKey("area") ? m.get("area") : m.get("metric");
        if (known.isEmpty())
            throw ScenarioError.at(file, where, "area \"" + area + "\" is not in the scenario's configuration (the force is \""
                    + config.areas().force() + "\"; districts: " + String.join(", ", config.areas().districts()) + ")");
        if (m.containsKey("area_type")) {
            String given = ScenarioReader.text(file, m.get("area_type"), "area_type");
            if (!given.equalsIgnoreCase(known.get().id()))
                throw ScenarioError.at(file, m.get("area_type"), "\"" + area + "\" is a " + known.get().id() + ", not a " + given);
        }
        return known.get();
    }

    /** Numerators and denominators are counts: whole numbers, not negative. */
    private static List<Double> wholeNumbers(Path file, YamlNode node, String key) throws ScenarioError {
        List<Double> out = numbers(file, node, key);
        if (out != null)
            for (int i = 0; i < out.size(); i++) {
                Double v = out.get(i);
                if (v != null && (v < 0 || v != Math.rint(v)))
                    throw ScenarioError.at(file, node.list().get(i), key + " are counts: \"" + node.list().get(i).text()
                            + "\" is not a whole number of 0 or more");
            }
        return out;
    }

    /** A list of numbers or nulls, or null when the key is absent. */
    private static List<Double> numbers(Path file, YamlNode node, String key) throws ScenarioError {
        if (node == null) return null;
        List<Double> out = new ArrayList<>();
        for (YamlNode n : ScenarioReader.list(file, node, key)) {
            if (!n.isNull() && !n.isNumber())
                throw ScenarioError.at(file, n, "\"" + n.text() + "\" in " + key + " is not a number (write ~ or null for a month with no figure)");
            out.add(n.isNull() ? null : n.number());
        }
        return out;
    }
}
