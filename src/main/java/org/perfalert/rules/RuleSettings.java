package org.perfalert.rules;

import org.perfalert.model.Severity;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.Notable;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The numbers and severities the rules use, from rules/settings.properties (analysts edit it; no
 * Java). A rule file reads a number through a global named like the setting, bound once per
 * evaluation ({@link #globalName}: spc.run is "global Integer spcRun"); the Series' statistics read
 * their windows through {@link SeriesSettings}. settings.whole("spc.run") and settings.number(...)
 * still work for rules that ask by name. The severity of each rule is "severity.RULE-ID" (high,
 * medium or low; medium when not given). The calibrated statistic's numbers are the signals.* settings
 * (and notable.min-z), read into {@link CalibrationSettings}; which statistic makes a rule's exceptions
 * notable is "notable.basis.RULE-ID" (SIGNALS.md 3's mapping when not given, {@link Notable#standard}).
 */
public final class RuleSettings {
    public static final String FILE = "settings.properties";

    private final Map<String, String> values;
    private final Map<String, Double> numbers = new HashMap<>(); // parsed once: rules ask for them per series
    private final Map<String, Severity> severities = new HashMap<>();
    private final Map<String, Notable.Basis> bases = new HashMap<>();
    private final Map<String, String> byGlobalName = new HashMap<>();
    private final SeriesSettings forSeries;

    public RuleSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
        values.forEach((k, v) -> {
            try { numbers.put(k, Double.parseDouble(v)); } catch (NumberFormatException e) { /* a severity */ }
            if (k.startsWith(SEVERITY)) {
                try { severities.put(k.substring(SEVERITY.length()), Severity.parse(v)); } catch (IllegalArgumentException e) { /* reported by read */ }
            }
            if (k.startsWith(BASIS)) {
                try { bases.put(k.substring(BASIS.length()), Notable.Basis.parse(v)); } catch (IllegalArgumentException e) { /* reported by read */ }
            }
            byGlobalName.put(globalName(k), k);
        });
        forSeries = new SeriesSettings(this);
    }

    private static final String SEVERITY = "severity.", BASIS = "notable.basis.";

    /** The name of a setting's global in a rule file: dots and dashes dropped, the next letter capitalised. */
    public static String globalName(String setting) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : setting.toCharArray()) {
            if (c == '.' || c == '-') { upper = b.length() > 0; continue; }
            b.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return b.toString();
    }

    /** The setting a rule file's global stands for (sameMonthMinYears: same-month.min-years), if any. */
    public Optional<String> settingOfGlobal(String global) { return Optional.ofNullable(byGlobalName.get(global)); }

    /** The windows and test and chart parameters of the Series' statistics. */
    public SeriesSettings forSeries() { return forSeries; }

    /** Reads the settings file in a rule folder; problems are added as FILE:LINE:COLUMN: message. */
    public static RuleSettings read(Path rulesDir, List<String> problems) { return readFile(rulesDir.resolve(FILE), problems); }

    /** Reads a settings file kept anywhere (backtest --compare with a changed copy); problems as in read. */
    public static RuleSettings readFile(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            problems.add(file + ":1:1: missing (the rules need their settings file; copy it from the standard rule pack)");
            return new RuleSettings(Map.of());
        }
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8), problems);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + ":1:1: cannot be read: " + e.getMessage());
            return new RuleSettings(Map.of());
        }
    }

    /** The settings file's text, already read from file; problems are added as FILE:LINE:COLUMN: message. */
    static RuleSettings parse(Path file, String text, List<String> problems) {
        List<String> lines = text.lines().toList();
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + ":1:1: cannot be read: " + e.getMessage());
            return new RuleSettings(Map.of());
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key).trim();
            values.put(key, v);
            String where = file + ":" + lineOf(lines, key) + ":1: " + key;
            if (key.startsWith(SEVERITY)) {
                try { Severity.parse(v); } catch (IllegalArgumentException e) { problems.add(where + ": " + e.getMessage()); }
            } else if (key.startsWith(BASIS)) {
                try { Notable.Basis.parse(v); } catch (IllegalArgumentException e) { problems.add(where + ": " + e.getMessage()); }
            } else {
                try { Double.parseDouble(v); }
                catch (NumberFormatException e) { problems.add(where + ": \"" + v + "\" is not a number (use a dot for decimals)"); }
            }
        }
        try {
            CalibrationSettings.from(values);
        } catch (IllegalArgumentException e) {   // the message names the setting
            String named = values.keySet().stream().filter(k -> e.getMessage().contains(k)).findFirst().orElse("signals.");
            problems.add(file + ":" + lineOf(lines, named) + ":1: " + e.getMessage());
        }
        return new RuleSettings(values);
    }

    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith(key) && l.substring(key.length()).trim().matches("^[=:].*")) return i + 1;
        }
        return 1;
    }

    public boolean has(String name) { return values.containsKey(name); }

    /** Every setting's name. */
    public Set<String> names() { return values.keySet(); }

    /** A setting as written in the file, or null. */
    public String text(String name) { return values.get(name); }

    /** These settings with some replaced (a scenario's settings: pins). */
    public RuleSettings with(Map<String, String> pins) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(pins);
        return new RuleSettings(merged);
    }

    /** Every setting as written (read-only). */
    public Map<String, String> values() { return values; }

    /** Whether a setting is there and is a number (a bad value is reported by read). */
    boolean isNumber(String name) { return numbers.containsKey(name); }

    /** A decimal setting, e.g. number("spc.sigma"). */
    public double number(String name) {
        Double n = numbers.get(name);
        if (n != null) return n;
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("setting \"" + name + "\" is not in " + FILE);
        return Double.parseDouble(v);
    }

    /** A whole-number setting, e.g. whole("twelve-month.months"). */
    public int whole(String name) { return (int) Math.round(number(name)); }

    /** The z a one-sided test must reach: "significance." + poisson, binomial or sample. */
    public double significance(String test) { return number("significance." + test); }

    /** The statistic that makes a rule's exceptions notable: "notable.basis." + rule id; SIGNALS.md 3's when not set. */
    public Notable.Basis notableBasis(String rule) {
        Notable.Basis b = bases.get(rule);
        return b != null ? b : Notable.standard(rule);
    }

    /** The severity of a rule's exceptions: "severity." + rule id; medium when not set. */
    public Severity severity(String rule) {
        return severities.getOrDefault(rule, Severity.MEDIUM);
    }
}
