package org.perfalert.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rules check for the settings a rule file uses, each problem at its FILE:LINE:COLUMN: a setting
 * asked for by name (settings.whole("…")), a global that stands for a setting (global Integer spcRun
 * for spc.run), and a Series property whose window is a setting (average1yr needs average-1yr.months).
 */
final class SettingsInRules {
    private static final Pattern BY_NAME = Pattern.compile("settings\\.(?:whole|number)\\(\\s*\"([^\"]+)\"");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.]+)\\s+(\\w+)");
    private static final Pattern QUOTED_OR_COMMENT = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Map<String, Pattern> PROPERTIES = properties();

    private final Path file;
    private final String text;
    private final RuleSettings settings;
    private final List<String> problems;

    private SettingsInRules(Path file, String text, RuleSettings settings, List<String> problems) {
        this.file = file;
        this.text = text;
        this.settings = settings;
        this.problems = problems;
    }

    static void check(Path file, String text, RuleSettings settings, List<String> problems) {
        SettingsInRules c = new SettingsInRules(file, text, settings, problems);
        c.byName();
        String code = blankQuotesAndComments(text);
        c.globals(code);
        c.properties(code);
    }

    private void byName() {
        Matcher m = BY_NAME.matcher(text);
        while (m.find())
            if (!settings.has(m.group(1)))
                problem(m.start(1), "setting \"" + m.group(1) + "\" is not in " + RuleSettings.FILE + " (add it there or correct the name)");
    }

    private void globals(String code) {
        Matcher m = GLOBAL.matcher(code);
        while (m.find()) {
            String type = m.group(1).replace("java.lang.", ""), name = m.group(2);
            if (Evaluator.BUILT_IN_GLOBALS.contains(name)) continue;
            var setting = settings.settingOfGlobal(name);
            if (setting.isEmpty()) {
                problem(m.start(2), "global " + name + " stands for no setting in " + RuleSettings.FILE + " (a global named like a setting"
                        + " reads it: spc.run is \"global Integer spcRun\"; add the setting there or correct the name)");
            } else if (!type.equals("Integer") && !type.equals("Double")) {
                problem(m.start(1), "global " + name + " reads the setting " + setting.get() + ": declare it Integer (a whole number) or Double");
            } else if (type.equals("Integer") && settings.isNumber(setting.get()) && settings.number(setting.get()) != settings.whole(setting.get())) {
                problem(m.start(1), "global " + name + " is Integer but " + setting.get() + " is " + fmt(settings.number(setting.get()))
                        + ", not a whole number (declare it Double, or make the setting whole)");
            }
        }
    }

    private void properties(String code) {
        PROPERTIES.forEach((property, pattern) -> {
            Matcher m = pattern.matcher(code);
            while (m.find())
                for (String needed : SeriesSettings.NEEDED_BY.get(property))
                    if (!settings.has(needed))
                        problem(m.start(), "Series." + property + " needs the setting \"" + needed + "\", which is not in "
                                + RuleSettings.FILE + " (add it there)");
        });
    }

    /** "average1yr" or "getAverage1yr()", but not a question with a window of the rule's own, "averageTest(12)". */
    private static Map<String, Pattern> properties() {
        Map<String, Pattern> out = new java.util.HashMap<>();
        for (String p : SeriesSettings.NEEDED_BY.keySet()) {
            String getter = "get" + Character.toUpperCase(p.charAt(0)) + p.substring(1);
            out.put(p, Pattern.compile("\\b(?:" + p + "|" + getter + ")\\b(?!\\s*\\(\\s*[^\\s)])"));
        }
        return out;
    }

    /** The text with quoted strings and comments replaced by spaces, so positions stay where they were. */
    private static String blankQuotesAndComments(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = QUOTED_OR_COMMENT.matcher(text);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
        return b.toString();
    }

    private void problem(int offset, String message) {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; column = 1; } else column++;
        }
        problems.add(file + ":" + line + ":" + column + ": " + message);
    }

    private static String fmt(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v); }
}
