package org.perfalert.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.perfalert.model.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Reads and validates a configuration folder. Every problem is collected and reported together,
 * each naming the file, the entry and how to fix it.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$|^[A-Za-z0-9._%+'-]+@localhost$");

    private ConfigLoader() { }

    /** The whole configuration: metrics, areas, people (optional) and settings (optional). */
    public static Configuration load(Path dir) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Catalogue catalogue = readMetrics(dir.resolve("metrics.yaml"), problems);
        Areas areas = readAreas(dir.resolve("areas.yaml"), problems);
        People people = readPeople(dir.resolve("people.yaml"), problems);
        Settings settings = readSettings(dir.resolve("application.properties"), problems);
        if (catalogue != null && people != null) checkOwners(catalogue, people, problems);
        if (catalogue != null) checkLabels(catalogue, dir.resolve("metrics.yaml"), problems);
        checkMaxAbsValue(settings, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Configuration(dir, catalogue, areas, people, settings);
    }

    /**
     * Only metrics.yaml and areas.yaml: what evaluate, backtest and the rules commands need. Labels that
     * clash are let through here: these commands identify metrics by id, and CONTRACT.md section 4 does not
     * require unique labels; they are refused where people read them (emails and the digest, via load).
     */
    public static Configuration loadForRules(Path dir) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Catalogue catalogue = readMetrics(dir.resolve("metrics.yaml"), problems);
        Areas areas = readAreas(dir.resolve("areas.yaml"), problems);
        Settings settings = Settings.defaultsOnly();
        checkMaxAbsValue(settings, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Configuration(dir, catalogue, areas, People.none(), settings);
    }

    private static JsonNode readYaml(Path file, boolean required, List<String> problems) {
        if (!Files.exists(file)) {
            if (required) problems.add(file + ": missing (this file is required; see CONTRACT.md section 4)");
            return null;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode n = YAML.readTree(r);
            if (n == null || n.isMissingNode() || n.isNull()) {
                problems.add(file + ": the file is empty");
                return null;
            }
            return n;
        } catch (IOException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    static Catalogue readMetrics(Path file, List<String> problems) {
        JsonNode root = readYaml(file, true, problems);
        if (root == null) return null;
        JsonNode list = root.get("metrics");
        if (list == null || !list.isArray()) {
            problems.add(file + ": expected a list under \"metrics:\"");
            return null;
        }
        List<Metric> metrics = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode n : list) {
            i++;
            String where = file + ": metric " + i;
            String id = text(n, "id");
            if (id == null || id.isBlank()) { problems.add(where + ": missing \"id\""); continue; }
            where = file + ": metric \"" + id + "\"";
            if (!ids.add(id)) problems.add(where + ": duplicate metric id (each id must appear once)");
            Unit unit = null;
            Better better = null;
            try { unit = Unit.parse(Objects.requireNonNullElse(text(n, "unit"), "")); }
            catch (IllegalArgumentException e) { problems.add(where + ": " + e.getMessage()); }
            try { better = Better.parse(Objects.requireNonNullElse(text(n, "better"), "")); }
            catch (IllegalArgumentException e) { problems.add(where + ": " + e.getMessage()); }
            String label = Objects.requireNonNullElse(text(n, "label"), id);
            String theme = Objects.requireNonNullElse(text(n, "theme"), "Other");
            String owner = text(n, "owner");
            Double above = null, below = null;
            JsonNode th = n.get("thresholds");
            if (th != null && !th.isNull()) {
                above = number(th, "above", where, problems);
                below = number(th, "below", where, problems);
                if (above != null && below != null && above <= below)
                    problems.add(where + ": thresholds above (" + above + ") must be greater than below (" + below + ")");
            }
            String partOf = text(n, "parts_of");
            boolean noneSince = flag(n, "none_since", where, problems);
            metrics.add(new Metric(id, label, unit, better, theme, owner, above, below, partOf, noneSince));
        }
        Catalogue catalogue = new Catalogue(metrics);
        catalogue.partProblems().forEach(p -> problems.add(file + ": " + p));
        return catalogue;
    }

    static Areas readAreas(Path file, List<String> problems) {
        JsonNode root = readYaml(file, true, problems);
        if (root == null) return null;
        String force = text(root, "force");
        if (force == null || force.isBlank()) problems.add(file + ": missing \"force:\" (the force's name)");
        JsonNode areas = root.get("areas");
        Map<String, List<String>> map = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        if (areas == null || !areas.isObject()) {
            problems.add(file + ": expected \"areas:\" mapping each policing area to its list of districts");
        } else {
            areas.fields().forEachRemaining(e -> {
                List<String> ds = new ArrayList<>();
                if (!e.getValue().isArray()) {
                    problems.add(file + ": area \"" + e.getKey() + "\": expected a list of districts, e.g. [Fenland, Peterborough]");
                } else {
                    e.getValue().forEach(d -> {
                        String name = d.asText();
                        String other = seen.putIfAbsent(name, e.getKey());
                        if (other != null)
                            problems.add(file + ": district \"" + name + "\" is in both \"" + other + "\" and \""
                                    + e.getKey() + "\" (a district belongs to one area)");
                        else ds.add(name);
                    });
                }
                if (e.getKey().equals(force) || seen.containsKey(e.getKey()))
                    problems.add(file + ": area \"" + e.getKey() + "\" has the same name as the force or a district");
                map.put(e.getKey(), ds);
            });
        }
        return force == null ? null : new Areas(force, map);
    }

    static People readPeople(Path file, List<String> problems) {
        if (!Files.exists(file)) return People.none();
        JsonNode root = readYaml(file, false, problems);
        if (root == null) return People.none();
        Map<String, List<Person>> roles = new LinkedHashMap<>();
        JsonNode r = root.get("roles");
        if (r != null && r.isObject()) {
            r.fields().forEachRemaining(e -> {
                List<Person> ps = new ArrayList<>();
                for (JsonNode p : e.getValue()) {
                    String name = text(p, "name");
                    String email = text(p, "email");
                    String where = file + ": role \"" + e.getKey() + "\"";
                    if (email == null || !EMAIL.matcher(email).matches())
                        problems.add(where + ": \"" + email + "\" is not a valid email address (use name@example.org)");
                    else ps.add(new Person(name == null ? email : name, email));
                }
                roles.put(e.getKey(), ps);
            });
        }
        List<RouteRule> routes = new ArrayList<>();
        JsonNode rs = root.get("routes");
        if (rs != null && rs.isArray()) {
            int i = 0;
            for (JsonNode n : rs) {
                i++;
                Map<String, String> match = new LinkedHashMap<>();
                JsonNode m = n.get("match");
                if (m != null) m.fields().forEachRemaining(e -> match.put(e.getKey(), e.getValue().asText()));
                for (String k : match.keySet())
                    if (!Set.of("metric", "theme", "area", "rule", "direction").contains(k))
                        problems.add(file + ": route " + i + ": unknown match key \"" + k + "\" (use metric, theme, area, rule or direction)");
                String role = text(n, "role");
                if (role == null || !roles.containsKey(role))
                    problems.add(file + ": route " + i + ": role \"" + role + "\" is not defined under roles:");
                routes.add(new RouteRule(match, role));
            }
        }
        List<String> digestTo = addresses(root.path("digest").get("to"), file + ": digest.to", problems);
        List<String> analysts = addresses(root.get("analysts"), file + ": analysts", problems);
        return new People(roles, routes, digestTo, analysts);
    }

    private static List<String> addresses(JsonNode list, String where, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (list == null) return out;
        for (JsonNode n : list) {
            String a = n.asText();
            if (!EMAIL.matcher(a).matches()) problems.add(where + ": \"" + a + "\" is not a valid email address");
            else out.add(a);
        }
        return out;
    }

    private static void checkOwners(Catalogue c, People people, List<String> problems) {
        if (people.roles().isEmpty()) return; // no people.yaml: nobody to notify
        for (Metric m : c.all())
            if (m.owner() != null && !people.roles().containsKey(m.owner()))
                problems.add("metrics.yaml: metric \"" + m.id() + "\": owner role \"" + m.owner()
                        + "\" is not defined in people.yaml (add it under roles:)");
    }

    /** Two metrics of one theme with one label are one line twice in the digest and in emails. */
    static void checkLabels(Catalogue c, Path file, List<String> problems) {
        Map<List<String>, Metric> first = new HashMap<>();
        for (Metric m : c.all()) {
            String label = m.label().strip().replaceAll("\\s+", " ");
            Metric other = first.putIfAbsent(List.of(m.theme(), label.toLowerCase(Locale.ROOT)), m);
            if (other != null)
                problems.add(file + ": metrics \"" + other.id() + "\" and \"" + m.id() + "\" have the same label \"" + label
                        + "\" in theme \"" + m.theme() + "\", so readers cannot tell them apart (give one of them a label that "
                        + "says how it differs, e.g. its source: \"" + label + " (police.uk)\")");
        }
    }

    /** ingest.max-abs-value must be a positive number, or every figure would be refused (or none checked). */
    static void checkMaxAbsValue(Settings settings, List<String> problems) {
        String name = "ingest.max-abs-value", text = settings.get(name).trim();
        double v;
        try { v = Double.parseDouble(text); } catch (NumberFormatException e) { v = Double.NaN; }
        if (!(v > 0 && v < Double.POSITIVE_INFINITY))
            problems.add("setting " + name + " \"" + text + "\" (application.properties, -D" + name + " or PERFALERT_INGEST_MAX_ABS_VALUE) "
                    + "is not a positive number (write the largest figure, plus or minus, that loading takes, e.g. 1e12)");
    }

    static Settings readSettings(Path file, List<String> problems) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
            for (String secret : List.of("store.password", "mail.smtp.password", "mail.imap.password", "link.secret"))
                if (!p.getProperty(secret, "").isBlank())
                    problems.add(file + ": " + secret + " must not be written in a file; set the environment variable PERFALERT_"
                            + secret.toUpperCase(Locale.ROOT).replace('.', '_') + " instead");
        }
        return new Settings(p, System.getenv());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A yes/no key (none_since: true); absent is false. */
    private static boolean flag(JsonNode n, String field, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) { problems.add(where + ": " + field + " \"" + v.asText() + "\" must be true or false"); return false; }
        return v.asBoolean();
    }

    private static Double number(JsonNode n, String field, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) { problems.add(where + ": thresholds." + field + " \"" + v.asText() + "\" is not a number"); return null; }
        return v.asDouble();
    }
}
