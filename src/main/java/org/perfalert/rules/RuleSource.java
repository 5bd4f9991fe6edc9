package org.perfalert.rules;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a rule is written and what it reads: its file and line, the text of its condition, and the
 * settings it depends on (the globals it uses, the settings behind the Series questions it asks,
 * settings it reads by name, and its severity). rules test names them when a scenario fails, explain
 * shows them.
 */
public record RuleSource(String id, String file, int line, String condition, List<String> settings) {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b", Pattern.DOTALL);
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+[\\w.]+\\s+(\\w+)");
    private static final Pattern BY_NAME = Pattern.compile("settings\\.(?:whole|number)\\(\\s*\"([^\"]+)\"");

    /** The rules of one file's text. */
    static List<RuleSource> of(String file, String text, RuleSettings settings) {
        Map<String, String> globals = new LinkedHashMap<>(); // global name → setting
        Matcher g = GLOBAL.matcher(text);
        while (g.find()) settings.settingOfGlobal(g.group(1)).ifPresent(s -> globals.put(g.group(1), s));
        List<RuleSource> out = new ArrayList<>();
        Matcher r = RULE.matcher(text);
        while (r.find()) {
            String body = r.group(2);
            int then = body.indexOf("\nthen");
            int when = body.indexOf("when");
            String condition = when < 0 ? "" : body.substring(when + 4, then < 0 ? body.length() : then).strip();
            Set<String> used = new LinkedHashSet<>();
            globals.forEach((name, setting) -> { if (Pattern.compile("\\b" + name + "\\b").matcher(body).find()) used.add(setting); });
            SeriesSettings.NEEDED_BY.forEach((property, needed) -> {
                String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                if (Pattern.compile("\\b(?:" + property + "|" + getter + ")\\b(?!\\s*\\(\\s*[^\\s)])").matcher(body).find()) used.addAll(needed);
            });
            Matcher n = BY_NAME.matcher(body);
            while (n.find()) used.add(n.group(1));
            if (settings.has("severity." + r.group(1))) used.add("severity." + r.group(1));
            int line = 1 + (int) text.substring(0, r.start(1)).chars().filter(c -> c == '\n').count();
            out.add(new RuleSource(r.group(1), file, line, condition, List.copyOf(used)));
        }
        return out;
    }
}
