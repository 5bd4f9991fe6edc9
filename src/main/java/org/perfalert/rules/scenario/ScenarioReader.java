package org.perfalert.rules.scenario;

import org.perfalert.config.Catalogue;
import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.config.People;
import org.perfalert.config.Settings;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.ingest.RejectedInputException;
import org.perfalert.model.*;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Reads the scenarios of one file (one per YAML document; documents are separated by "---") and
 * checks everything they say against their configuration, so that a mistake is reported at its
 * line rather than as a puzzling test failure. The file format is described in rules/README.md.
 */
public final class ScenarioReader {
    /** The configuration given with --config, read only when a scenario needs it. */
    @FunctionalInterface
    public interface DefaultConfig { Configuration get() throws ConfigException; }

    private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "config", "metrics", "areas",
            "observations", "data", "month", "expect", "not_expected", "expect_not", "settings");

    private final Path file;
    private final DefaultConfig defaults;

    private ScenarioReader(Path file, DefaultConfig defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    /** Every scenario in the file, or a ScenarioError naming FILE:LINE:COLUMN of the first mistake. */
    public static List<Scenario> read(Path file, DefaultConfig defaults) throws ScenarioError {
        ScenarioReader reader = new ScenarioReader(file, defaults);
        List<YamlNode> docs = YamlDocuments.read(file);
        if (docs.isEmpty()) throw ScenarioError.at(file, 1, 1, "no scenario in this file (start with \"name:\")");
        List<Scenario> out = new ArrayList<>();
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        for (int i = 0; i < docs.size(); i++)
            out.add(reader.scenario(docs.get(i), docs.size() == 1 ? base : base + "#" + (i + 1)));
        return out;
    }

    private Scenario scenario(YamlNode doc, String defaultName) throws ScenarioError {
        Map<String, YamlNode> m = mapping(doc, "a scenario", SCENARIO_KEYS);
        String name = m.containsKey("name") ? text(m.get("name"), "name") : defaultName;
        String description = m.containsKey("description") ? text(m.get("description"), "description") : "";
        Configuration config = configuration(doc, m);
        List<Observation> observations = new ArrayList<>();
        if (m.containsKey("data")) observations.addAll(dataFiles(m.get("data"), config));
        if (m.containsKey("observations"))
            for (YamlNode s : list(m.get("observations"), "observations"))
                observations.addAll(SeriesInput.read(file, s, config));
        if (observations.isEmpty())
            throw ScenarioError.at(file, doc, "scenario \"" + name + "\" has no data: add \"observations:\" or \"data:\"");
        YearMonth month = m.containsKey("month") ? month(m.get("month"))
                : ObservationReader.latestMonth(observations).orElseThrow();
        ExpectationReader expectations = new ExpectationReader(file, config);
        List<Expectation> expected = m.containsKey("expect") ? expectations.read(m.get("expect"), "expect") : List.of();
        List<Expectation> notExpected = new ArrayList<>();
        for (String key : List.of("not_expected", "expect_not")) // expect_not: the earlier spelling, still read
            if (m.containsKey(key)) notExpected.addAll(expectations.read(m.get(key), key));
        if (expected.isEmpty() && notExpected.isEmpty())
            throw ScenarioError.at(file, doc, "scenario \"" + name + "\" checks nothing: add \"expect:\" and/or \"not_expected:\"");
        Map<String, String> pins = m.containsKey("settings") ? pins(m.get("settings")) : Map.of();
        return new Scenario(name, description, file, doc.line(), config, List.copyOf(observations), month, expected, notExpected,
                pins, m.containsKey("settings") ? m.get("settings").line() : 0);
    }

    /** settings: { rolling-streak.min-months: 3, severity.spc-shift: high } — numbers, or a severity for severity.*. */
    private Map<String, String> pins(YamlNode node) throws ScenarioError {
        if (!node.isMap()) throw ScenarioError.at(file, node, "\"settings\" must be setting: value pairs, e.g. settings: { rolling-streak.min-months: 3 }");
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : node.map().entrySet()) {
            String value = text(e.getValue(), e.getKey());
            if (e.getKey().startsWith("severity.")) {
                try { Severity.parse(value); } catch (IllegalArgumentException ex) { throw ScenarioError.at(file, e.getValue(), e.getKey() + ": " + ex.getMessage()); }
            } else if (!e.getValue().isNumber())
                throw ScenarioError.at(file, e.getValue(), "setting " + e.getKey() + " must be a number, not \"" + value + "\"");
            out.put(e.getKey(), value);
        }
        return out;
    }

    /** "config: DIR" (relative to the scenario file), else --config; inline metrics / areas replace theirs. */
    private Configuration configuration(YamlNode doc, Map<String, YamlNode> m) throws ScenarioError {
        Path dir = file.toAbsolutePath().getParent();
        Configuration base = null;
        if (m.containsKey("config")) {
            Path configDir = dir.resolve(text(m.get("config"), "config"));
            try {
                base = ConfigLoader.loadForRules(configDir);
            } catch (ConfigException e) {
                throw ScenarioError.at(file, m.get("config"), "the configuration " + configDir + " cannot be read:\n  "
                        + String.join("\n  ", e.problems()));
            }
        } else if (!(m.containsKey("metrics") && m.containsKey("areas"))) {
            try {
                base = defaults.get();
            } catch (ConfigException e) {
                throw ScenarioError.at(file, doc, "the --config configuration cannot be read (or give \"config:\", "
                        + "\"metrics:\" and \"areas:\" in the scenario):\n  " + String.join("\n  ", e.problems()));
            }
        }
        Catalogue catalogue = m.containsKey("metrics") ? InlineConfig.metrics(file, m.get("metrics")) : base.catalogue();
        Areas areas = m.containsKey("areas") ? InlineConfig.areas(file, m.get("areas")) : base.areas();
        return new Configuration(base == null ? dir : base.dir(), catalogue, areas, People.none(), Settings.defaultsOnly());
    }

    private List<Observation> dataFiles(YamlNode node, Configuration config) throws ScenarioError {
        List<Path> paths = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        if (node.isList()) for (YamlNode n : node.list()) paths.add(dir.resolve(text(n, "data")));
        else paths.add(dir.resolve(text(node, "data")));
        try {
            return ObservationReader.readAll(paths, config);
        } catch (RejectedInputException e) {
            throw ScenarioError.at(file, node, "the data cannot be read:\n  " + String.join("\n  ", e.problems()));
        }
    }

    // --- small checked readers, shared with the other parts of this package -----------------------

    YearMonth month(YamlNode node) throws ScenarioError { return month(file, node); }

    static YearMonth month(Path file, YamlNode node) throws ScenarioError {
        String s = text(file, node, "month");
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            throw ScenarioError.at(file, node, "\"" + s + "\" is not a month (write YYYY-MM, e.g. 2025-03)");
        }
    }

    private Map<String, YamlNode> mapping(YamlNode node, String what, Set<String> keys) throws ScenarioError {
        return mapping(file, node, what, keys);
    }

    /** A mapping whose keys are all among those allowed. */
    static Map<String, YamlNode> mapping(Path file, YamlNode node, String what, Set<String> keys) throws ScenarioError {
        if (!node.isMap()) throw ScenarioError.at(file, node, "expected " + what + " (key: value lines), found " + node.text());
        for (var e : node.map().entrySet())
            if (!keys.contains(e.getKey()))
                throw ScenarioError.at(file, e.getValue(), "unknown key \"" + e.getKey() + "\" in " + what
                        + " (use " + String.join(", ", new TreeSet<>(keys)) + ")");
        return node.map();
    }

    private List<YamlNode> list(YamlNode node, String key) throws ScenarioError { return list(file, node, key); }

    static List<YamlNode> list(Path file, YamlNode node, String key) throws ScenarioError {
        if (!node.isList()) throw ScenarioError.at(file, node, "\"" + key + "\" must be a list (lines starting with \"- \")");
        return node.list();
    }

    private String text(YamlNode node, String key) throws ScenarioError { return text(file, node, key); }

    static String text(Path file, YamlNode node, String key) throws ScenarioError {
        if (node.isNull() || node.isMap() || node.isList())
            throw ScenarioError.at(file, node, "\"" + key + "\" must be a single value");
        return node.text();
    }
}
