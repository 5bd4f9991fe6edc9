package org.perfalert.rules;

import org.perfalert.config.Catalogue;
import org.perfalert.config.Names;
import org.perfalert.model.Area;
import org.perfalert.model.Areas;
import org.perfalert.model.Metric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * rules check's warnings: what compiles but cannot be meant. A metric id or area name a rule compares
 * with that the configuration does not have (the rule would silently never fire for it), and a
 * severity.RULE setting for a rule the pack does not have. Warnings do not fail the check; errors do.
 */
public final class RuleWarnings {
    private static final String QUOTED = "\"([^\"\\n]*)\"";
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private RuleWarnings() { }

    /** FILE:LINE:COLUMN: warning: … for every metric id and area name in the rule files the configuration lacks. */
    public static List<String> names(Path rulesDir, Catalogue catalogue, Areas areas, String metricsFile, String areasFile) throws IOException {
        List<String> metricIds = catalogue.all().stream().map(Metric::id).toList();
        List<String> areaNames = areas.all().stream().map(Area::name).toList();
        List<String> out = new ArrayList<>();
        for (Path file : drlFiles(rulesDir)) {
            String text = blankComments(Files.readString(file, StandardCharsets.UTF_8));
            TreeMap<Integer, String> found = new TreeMap<>(); // in the order of the file
            for (Mention m : mentions(text, "metricId"))
                if (!metricIds.contains(m.name))
                    found.put(m.offset, at(file, text, m.offset) + "metric \"" + m.name + "\" is not in " + metricsFile + Names.didYouMean(m.name, metricIds)
                            + ": the rule never fires for it");
            for (Mention m : mentions(text, "area"))
                if (!areaNames.contains(m.name))
                    found.put(m.offset, at(file, text, m.offset) + "area \"" + m.name + "\" is not in " + areasFile + Names.didYouMean(m.name, areaNames)
                            + ": the rule never fires for it");
            out.addAll(found.values());
        }
        return out;
    }

    /** A warning for each severity.RULE in the settings whose rule is not in the pack. */
    public static List<String> severities(Path rulesDir, RuleSettings settings, Collection<String> ruleIds) throws IOException {
        TreeMap<Integer, String> out = new TreeMap<>(); // by line
        Path file = rulesDir.resolve(RuleSettings.FILE);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        for (String name : new TreeSet<>(settings.names())) {
            if (!name.startsWith("severity.")) continue;
            String rule = name.substring("severity.".length());
            if (ruleIds.contains(rule)) continue;
            int line = 1;
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().startsWith(name)) { line = i + 1; break; }
            out.put(line, file + ":" + line + ":1: warning: " + name + " is the severity of rule \"" + rule + "\", which is not in the pack"
                    + Names.didYouMean(rule, ruleIds));
        }
        return new ArrayList<>(out.values());
    }

    private record Mention(String name, int offset) { }

    /** Quoted names compared with a property: metricId == "x", "x" == metricId, getMetricId().equals("x"), metricId in ("x", "y"). */
    private static List<Mention> mentions(String text, String property) {
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1) + "\\(\\)";
        String p = "(?:\\b" + property + "\\b|" + getter + ")";
        List<Mention> out = new ArrayList<>();
        for (Pattern one : List.of(Pattern.compile(p + "\\s*(?:==|!=)\\s*" + QUOTED), Pattern.compile(QUOTED + "\\s*(?:==|!=)\\s*" + p),
                Pattern.compile(p + "\\.equals\\(\\s*" + QUOTED))) {
            Matcher m = one.matcher(text);
            while (m.find()) out.add(new Mention(m.group(1), m.start(1)));
        }
        Matcher in = Pattern.compile(p + "\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)").matcher(text);
        while (in.find()) {
            Matcher q = Pattern.compile(QUOTED).matcher(in.group(1));
            while (q.find()) out.add(new Mention(q.group(1), in.start(1) + q.start(1)));
        }
        out.sort(Comparator.comparingInt(Mention::offset));
        return out;
    }

    private static List<Path> drlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList();
        }
    }

    private static String blankComments(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = COMMENT.matcher(text);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
        return b.toString();
    }

    private static String at(Path file, String text, int offset) {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++) { if (text.charAt(i) == '\n') { line++; column = 1; } else column++; }
        return file + ":" + line + ":" + column + ": warning: ";
    }
}
