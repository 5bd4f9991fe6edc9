package org.perfalert.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.perfalert.config.ConfigException;
import org.quartz.CronExpression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Reads and checks config/sources.yaml (optional: no file, no sources). Every problem is collected and
 * reported together, naming the file, the entry and the fix; nothing is pulled from a file with problems.
 */
public final class SourcesFile {
    public static final String NAME = "sources.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern READ_ONLY = Pattern.compile("(?is)^\\s*(select|with)\\b.*");
    private static final Pattern WRITES = Pattern.compile(
            "(?i)\\b(insert|update|delete|merge|drop|alter|create|truncate|grant|revoke|call|exec|execute|copy)\\b");
    private static final String FOLDER_DEFAULT_SCHEDULE = "0 * * * * ?";
    private static final Set<String> COMMON = Set.of("name", "kind", "schedule", "enabled", "months");
    private static final Map<Source.Kind, Set<String>> KEYS = Map.of(
            Source.Kind.SQL, Set.of("url", "user", "password_env", "query", "timeout_seconds"),
            Source.Kind.HTTP, Set.of("url", "format", "headers", "connect_timeout_seconds", "read_timeout_seconds"),
            Source.Kind.FOLDER, Set.of("dir"));

    private SourcesFile() { }

    /** The sources declared in dir/sources.yaml, or none when the file is missing. */
    public static List<Source> load(Path configDir) throws ConfigException {
        Path file = configDir.resolve(NAME);
        if (!Files.exists(file)) return List.of();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (root == null || root.isMissingNode() || root.isNull()) return List.of();
        List<String> problems = new ArrayList<>();
        JsonNode list = root.get("sources");
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray()) throw new ConfigException(List.of(file + ": expected a list under \"sources:\" (each entry starts with \"- name:\")"));
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode n : list) {
            i++;
            String name = text(n, "name");
            String where = file + ": source " + i + (name == null ? "" : " (" + name + ")");
            Source s = read(n, where, problems);
            if (s != null && !names.add(s.name())) {
                problems.add(where + ": the name \"" + s.name() + "\" is used twice (give every source its own name)");
                continue;
            }
            if (s != null) sources.add(s);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return List.copyOf(sources);
    }

    private static Source read(JsonNode n, String where, List<String> problems) {
        if (!n.isObject()) { problems.add(where + ": expected \"name:\", \"kind:\" and the source's settings"); return null; }
        int before = problems.size();
        String name = text(n, "name");
        if (name == null) problems.add(where + ": missing \"name\" (a short name such as \"warehouse\")");
        else if (!SOURCE_NAME.matcher(name).matches())
            problems.add(where + ": the name \"" + name + "\" may only have lower-case letters, digits and dashes (e.g. \"open-data\")");
        String kindText = text(n, "kind");
        Source.Kind kind = null;
        if (kindText == null) problems.add(where + ": missing \"kind\" (sql, http or folder)");
        else try { kind = Source.Kind.valueOf(kindText.trim().toUpperCase(Locale.ROOT)); }
        catch (IllegalArgumentException e) { problems.add(where + ": unknown kind \"" + kindText + "\" (use sql, http or folder)"); }
        if (kind == null) return null;

        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!COMMON.contains(key) && !KEYS.get(kind).contains(key))
                problems.add(where + ": unknown setting \"" + key + "\" for a " + kind.id() + " source (known: "
                        + String.join(", ", new TreeSet<>(KEYS.get(kind))) + ", schedule, enabled, months)");
        }
        String schedule = text(n, "schedule");
        if (schedule == null && kind == Source.Kind.FOLDER) schedule = FOLDER_DEFAULT_SCHEDULE;
        if (schedule == null) problems.add(where + ": missing \"schedule\" (a Quartz cron in Europe/London, e.g. \"0 0 6 * * ?\" for 06:00 daily)");
        else try { new CronExpression(schedule); }
        catch (ParseException e) {
            problems.add(where + ": schedule \"" + schedule + "\" is not a cron expression: " + e.getMessage()
                    + " (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 6 * * ?\")");
        }
        boolean enabled = bool(n, "enabled", true, where, problems);
        int months = number(n, "months", 3, 1, 120, where, problems);

        Source.Sql sql = null;
        Source.Http http = null;
        Source.Folder folder = null;
        switch (kind) {
            case SQL -> sql = sql(n, where, problems);
            case HTTP -> http = http(n, where, problems);
            case FOLDER -> {
                String dir = text(n, "dir");
                if (dir == null) problems.add(where + ": missing \"dir\" (the folder to load files from)");
                else folder = new Source.Folder(Path.of(dir));
            }
        }
        if (problems.size() > before) return null;
        return new Source(name, kind, schedule, enabled, months, sql, http, folder);
    }

    private static Source.Sql sql(JsonNode n, String where, List<String> problems) {
        String url = text(n, "url");
        if (url == null || !url.startsWith("jdbc:"))
            problems.add(where + ": \"url\" must be a JDBC URL (e.g. jdbc:postgresql://warehouse/perf)");
        else if (url.toLowerCase(Locale.ROOT).contains("password="))
            problems.add(where + ": the JDBC URL holds a password; remove it and name an environment variable in \"password_env\"");
        String user = text(n, "user");
        if (user == null) problems.add(where + ": missing \"user\" (the warehouse account perfalert reads as)");
        String passwordEnv = text(n, "password_env");
        if (passwordEnv != null && !ENV_NAME.matcher(passwordEnv).matches())
            problems.add(where + ": \"password_env\" must name an environment variable (e.g. WAREHOUSE_PASSWORD), not hold the password");
        String query = text(n, "query");
        if (query == null) problems.add(where + ": missing \"query\" (a SELECT returning month, metric, area_type, area, value, numerator, denominator)");
        else {
            if (!READ_ONLY.matcher(query).matches() || query.contains(";") || WRITES.matcher(SqlParameters.withoutQuoted(query)).find())
                problems.add(where + ": the query must be one read-only SELECT (or WITH … SELECT), without \";\" or statements that change data");
            if (!SqlParameters.names(query).stream().allMatch(p -> p.equals("from") || p.equals("to")))
                problems.add(where + ": the query may only use the parameters :from and :to (the first and last month, 'YYYY-MM'); found "
                        + SqlParameters.names(query));
        }
        int timeout = number(n, "timeout_seconds", 60, 1, 3600, where, problems);
        return new Source.Sql(url, user, passwordEnv, query, Duration.ofSeconds(timeout));
    }

    private static Source.Http http(JsonNode n, String where, List<String> problems) {
        String url = text(n, "url");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://")))
            problems.add(where + ": \"url\" must start with http:// or https://");
        else try { java.net.URI.create(url.replace("{month}", "2000-01")); }
        catch (IllegalArgumentException e) { problems.add(where + ": \"url\" is not a valid URL: " + e.getMessage()); }
        String format = text(n, "format");
        if (format != null && !HttpFetcher.FORMATS.contains(format))
            problems.add(where + ": unknown format \"" + format + "\" (use csv, json or police.uk, or leave it out to tell by the URL)");
        Map<String, Source.Value> headers = new LinkedHashMap<>();
        JsonNode h = n.get("headers");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) problems.add(where + ": \"headers\" must be a map of header name to value (or to { env: NAME })");
            else h.fields().forEachRemaining(e -> {
                String hn = e.getKey();
                JsonNode v = e.getValue();
                if (!HEADER_NAME.matcher(hn).matches()) { problems.add(where + ": header \"" + hn + "\" is not a valid header name"); return; }
                if (v.isObject() && v.has("env") && v.size() == 1 && ENV_NAME.matcher(v.get("env").asText()).matches())
                    headers.put(hn, new Source.Value(null, v.get("env").asText()));
                else if (v.isValueNode() && !v.isNull() && !v.asText().contains("\n") && !v.asText().contains("\r"))
                    headers.put(hn, new Source.Value(v.asText(), null));
                else problems.add(where + ": header \"" + hn + "\" must be one line of text, or { env: NAME } to read it from an environment variable");
            });
        }
        int connect = number(n, "connect_timeout_seconds", 10, 1, 600, where, problems);
        int read = number(n, "read_timeout_seconds", 60, 1, 3600, where, problems);
        return new Source.Http(url, format, Map.copyOf(headers), Duration.ofSeconds(connect), Duration.ofSeconds(read));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean bool(JsonNode n, String key, boolean dflt, String where, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) { problems.add(where + ": \"" + key + "\" must be true or false"); return dflt; }
        return v.asBoolean();
    }

    private static int number(JsonNode n, String key, int dflt, int min, int max, String where, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            problems.add(where + ": \"" + key + "\" must be a whole number from " + min + " to " + max);
            return dflt;
        }
        return v.asInt();
    }
}
