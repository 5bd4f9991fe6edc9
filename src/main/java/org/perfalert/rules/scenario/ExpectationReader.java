package org.perfalert.rules.scenario;

import org.perfalert.config.Configuration;
import org.perfalert.model.AreaType;
import org.perfalert.model.Direction;
import org.perfalert.model.Severity;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/** The "expect:" and "not_expected:" lists of a scenario, checked against its configuration. */
final class ExpectationReader {
    private static final Set<String> KEYS = Set.of("rule", "metric", "area", "area_type", "month", "direction", "severity",
            "evidence", "tolerance", "headline_contains", "notable", "calibrated");

    private final Path file;
    private final Configuration config;

    ExpectationReader(Path file, Configuration config) {
        this.file = file;
        this.config = config;
    }

    /** The entries of the list under key ("expect", "not_expected" or "expect_not"); none when it is empty. */
    List<Expectation> read(YamlNode node, String key) throws ScenarioError {
        List<Expectation> out = new ArrayList<>();
        if (node.isNull()) return out;
        for (YamlNode n : ScenarioReader.list(file, node, key)) out.add(one(n, key));
        return out;
    }

    private Expectation one(YamlNode node, String list) throws ScenarioError {
        Map<String, YamlNode> m = ScenarioReader.mapping(file, node, "an entry of " + list, KEYS);
        if (!m.containsKey("rule")) throw ScenarioError.at(file, node, "an entry of " + list + " needs \"rule\" (a rule id, e.g. twelve-month-high)");
        String rule = text(m, "rule");
        String metric = text(m, "metric");
        if (metric != null && !config.catalogue().contains(metric))
            throw ScenarioError.at(file, m.get("metric"), "metric \"" + metric + "\" is not in the scenario's configuration");
        String area = text(m, "area");
        if (area != null && config.areas().typeOf(area).isEmpty())
            throw ScenarioError.at(file, m.get("area"), "area \"" + area + "\" is not in the scenario's configuration");
        AreaType type = parse(m, "area_type", AreaType::parse);
        YearMonth month = m.containsKey("month") ? ScenarioReader.month(file, m.get("month")) : null;
        Direction direction = parse(m, "direction", d -> {
            try { return Direction.parse(d); }
            catch (IllegalArgumentException e) { throw new IllegalArgumentException(e.getMessage() + " (use concern, improvement or neutral)"); }
        });
        Severity severity = parse(m, "severity", Severity::parse);
        Map<String, YamlNode> evidence = Map.of();
        if (m.containsKey("evidence")) {
            YamlNode e = m.get("evidence");
            if (!e.isMap()) throw ScenarioError.at(file, e, "\"evidence\" maps keys to values, e.g. { value: 20, previous_max: 19 }");
            evidence = e.map();
        }
        Map<String, YamlNode> calibrated = Map.of();
        if (m.containsKey("calibrated")) {
            YamlNode c = m.get("calibrated");
            if (!c.isMap()) throw ScenarioError.at(file, c, "\"calibrated\" maps expected, phi, z and z_year to values, e.g. { expected: 10, z: 2.31 }");
            for (String k : c.map().keySet())
                if (!List.of("expected", "phi", "z", "z_year").contains(k))
                    throw ScenarioError.at(file, c.map().get(k), "\"calibrated\" has expected, phi, z and z_year, not \"" + k + "\"");
            calibrated = c.map();
        }
        Boolean notable = null;
        if (m.containsKey("notable")) {
            String t = text(m, "notable");
            if (!t.equals("true") && !t.equals("false")) throw ScenarioError.at(file, m.get("notable"), "\"notable\" is true or false");
            notable = Boolean.parseBoolean(t);
        }
        double tolerance = m.containsKey("tolerance") ? InlineConfig.number(file, m.get("tolerance"), "tolerance") : Expectation.DEFAULT_TOLERANCE;
        return new Expectation(rule, metric, type, area, month, direction, severity, evidence, tolerance,
                text(m, "headline_contains"), notable, calibrated, node.line());
    }

    private String text(Map<String, YamlNode> m, String key) throws ScenarioError {
        return m.containsKey(key) ? ScenarioReader.text(file, m.get(key), key) : null;
    }

    private interface Parser<T> { T parse(String s); }

    private <T> T parse(Map<String, YamlNode> m, String key, Parser<T> parser) throws ScenarioError {
        String s = text(m, key);
        if (s == null) return null;
        try {
            return parser.parse(s);
        } catch (IllegalArgumentException e) {
            throw ScenarioError.at(file, m.get(key), e.getMessage());
        }
    }
}
