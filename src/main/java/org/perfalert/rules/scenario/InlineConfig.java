package org.perfalert.rules.scenario;

import org.perfalert.config.Catalogue;
import org.perfalert.model.Areas;
import org.perfalert.model.Better;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.nio.file.Path;
import java.util.*;

/**
 * "metrics:" and "areas:" written inside a scenario, in the shapes of config/metrics.yaml and
 * config/areas.yaml, for scenarios that carry their own configuration.
 */
final class InlineConfig {
    private static final Set<String> METRIC_KEYS = Set.of("id", "label", "unit", "better", "theme", "owner", "thresholds",
            "parts_of", "none_since");

    private InlineConfig() { }

    static Catalogue metrics(Path file, YamlNode node) throws ScenarioError {
        List<Metric> metrics = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : ScenarioReader.list(file, node, "metrics")) {
            Map<String, YamlNode> m = ScenarioReader.mapping(file, n, "a metric", METRIC_KEYS);
            if (!m.containsKey("id")) throw ScenarioError.at(file, n, "a metric needs an \"id\"");
            String id = ScenarioReader.text(file, m.get("id"), "id");
            if (!ids.add(id)) throw ScenarioError.at(file, m.get("id"), "metric \"" + id + "\" is given twice");
            Unit unit = parse(file, m, "unit", "count", Unit::parse);
            Better better = parse(file, m, "better", "neutral", Better::parse);
            Double above = null, below = null;
            if (m.containsKey("thresholds")) {
                Map<String, YamlNode> t = ScenarioReader.mapping(file, m.get("thresholds"), "thresholds", Set.of("above", "below"));
                above = t.containsKey("above") ? number(file, t.get("above"), "above") : null;
                below = t.containsKey("below") ? number(file, t.get("below"), "below") : null;
            }
            String label = m.containsKey("label") ? ScenarioReader.text(file, m.get("label"), "label") : id;
            String theme = m.containsKey("theme") ? ScenarioReader.text(file, m.get("theme"), "theme") : "Other";
            String owner = m.containsKey("owner") ? ScenarioReader.text(file, m.get("owner"), "owner") : null;
            String partOf = m.containsKey("parts_of") ? ScenarioReader.text(file, m.get("parts_of"), "parts_of") : null;
            boolean noneSince = m.containsKey("none_since") && flag(file, m.get("none_since"), "none_since");
            metrics.add(new Metric(id, label, unit, better, theme, owner, above, below, partOf, noneSince));
        }
        Catalogue catalogue = new Catalogue(metrics);
        List<String> problems = catalogue.partProblems();
        if (!problems.isEmpty()) throw ScenarioError.at(file, node, problems.get(0));
        return catalogue;
    }

    static Areas areas(Path file, YamlNode node) throws ScenarioError {
        Map<String, YamlNode> m = ScenarioReader.mapping(file, node, "areas (force: and areas:)", Set.of("force", "areas"));
        if (!m.containsKey("force")) throw ScenarioError.at(file, node, "\"areas:\" needs \"force:\" (the force's name)");
        String force = ScenarioReader.text(file, m.get("force"), "force");
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        if (m.containsKey("areas")) {
            YamlNode areas = m.get("areas");
            if (!areas.isMap()) throw ScenarioError.at(file, areas, "\"areas:\" maps each policing area to its districts, e.g. North: [Fenland, Peterborough]");
            for (var e : areas.map().entrySet()) {
                List<String> districts = new ArrayList<>();
                for (YamlNode d : ScenarioReader.list(file, e.getValue(), e.getKey())) districts.add(ScenarioReader.text(file, d, e.getKey()));
                byArea.put(e.getKey(), districts);
            }
        }
        return new Areas(force, byArea);
    }

    static double number(Path file, YamlNode node, String key) throws ScenarioError {
        if (!node.isNumber()) throw ScenarioError.at(file, node, "\"" + key + "\" must be a number, not " + node.text());
        return node.number();
    }

    private static boolean flag(Path file, YamlNode node, String key) throws ScenarioError {
        if (!(node.value() instanceof Boolean b)) throw ScenarioError.at(file, node, "\"" + key + "\" must be true or false, not " + node.text());
        return b;
    }

    private interface Parser<T> { T parse(String s); }

    private static <T> T parse(Path file, Map<String, YamlNode> m, String key, String fallback, Parser<T> parser) throws ScenarioError {
        if (!m.containsKey(key)) return parser.parse(fallback);
        try {
            return parser.parse(ScenarioReader.text(file, m.get(key), key));
        } catch (IllegalArgumentException e) {
            throw ScenarioError.at(file, m.get(key), e.getMessage());
        }
    }
}
