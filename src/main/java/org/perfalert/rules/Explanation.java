package org.perfalert.rules;

import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.perfalert.model.AreaType;
import org.perfalert.model.PerformanceException;

import java.io.Serializable;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * explain: every rule of a pack for one figure, fired or not, with the numbers its condition compared.
 * Whether a rule fired is the engine's answer (the month evaluated as evaluate does). The words come
 * from the rule's own condition: each constraint of a one-series rule ("value > previousMax") is worked
 * out on the figure's Series, side by side ("value 29 is not above previousMax 31"), the first that
 * fails being the reason. Rules that compare several series (districts.drl) are worded by {@link AcrossRules}.
 */
public final class Explanation {
    /** One rule's answer: fired (the engine's), the conditions' verdict, and the words. */
    public record Line(String rule, boolean fired, boolean conditionsHold, String words, List<String> settings) { }

    private static final Pattern SINGLE = Pattern.compile("^\\s*(?:\\$\\w+\\s*:\\s*)?Series\\s*\\(", Pattern.DOTALL);
    private static final Pattern BINDING = Pattern.compile("^\\s*\\$\\w+\\s*:\\s*([\\w.()]+)\\s*$");
    private static final Pattern COMPARISON = Pattern.compile(">=|<=|==|!=|>|<");
    private static final Map<String, String> SAID = Map.of(">", "above", "<", "below", ">=", "at least", "<=", "at most",
            "==", "equal to", "!=", "different from");

    private final RuleBase rules;
    private final org.perfalert.model.Areas areas;
    private final Map<String, Object> globals = new HashMap<>();
    private final ParserContext context = new ParserContext();
    private final Map<String, Serializable> compiled = new HashMap<>(); // each constraint compiled once

    public Explanation(RuleBase rules, org.perfalert.model.Areas areas) {
        this.rules = rules;
        this.areas = areas;
        for (String name : rules.settings().names()) {
            if (name.startsWith("severity.") || name.startsWith("notable.basis.")) continue;   // words, not numbers
            double v = rules.settings().number(name);
            globals.put(RuleSettings.globalName(name), v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? (Object) (int) v : (Object) v);
        }
        globals.put("areas", areas);
        globals.put("settings", rules.settings());
        for (Class<?> c : List.of(AreaType.class, Series.class, Significance.class, Benchmark.class, XmrChart.class))
            context.addImport(c.getSimpleName(), c);
    }

    /** Every rule of the pack, in id order, for one series; month holds the series of every metric and area at its month. */
    public List<Line> explain(Series figure, List<Series> month, List<PerformanceException> raised) {
        List<Line> out = new ArrayList<>();
        for (String rule : rules.ruleIds()) {
            Optional<PerformanceException> got = raised.stream().filter(e -> e.rule().equals(rule) && e.metric().equals(figure.getMetricId())
                    && e.area().equals(figure.getArea()) && e.areaType() == figure.getLevel()).findFirst();
            RuleSource source = rules.sources().get(rule);
            Verdict v = source == null ? new Verdict(got.isPresent(), "the rule's text was not found")
                    : AcrossRules.knows(rule) ? AcrossRules.explain(rule, figure, month, areas)
                    : SINGLE.matcher(source.condition()).lookingAt() && singlePattern(source.condition()) ? oneSeries(source.condition(), figure)
                    : new Verdict(got.isPresent(), "compares several series: " + source.condition().replaceAll("\\s+", " "));
            String words = v.words() + got.map(e -> " \u2014 \"" + e.headline() + "\"").orElse("");
            out.add(new Line(rule, got.isPresent(), v.holds(), words, source == null ? List.of() : source.settings()));
        }
        return out;
    }

    /** Whether a condition's constraints were all met, and in words why (not). */
    record Verdict(boolean holds, String words) { }

    /** The constraints of a one-series condition worked out on the figure in turn; the first that fails says why not. */
    private Verdict oneSeries(String condition, Series figure) {
        int open = condition.indexOf('(');
        List<String> parts = topLevel(condition.substring(open + 1, closing(condition, open)), ',');
        List<String> said = new ArrayList<>();
        for (String c : parts) {
            if (BINDING.matcher(c).matches()) continue; // "$metric : metricId" binds, it does not test
            String expression = c.replaceAll("^\\s*\\$\\w+\\s*:\\s*", "").trim();
            Object result;
            try { result = eval(expression, figure); } catch (RuntimeException e) { result = null; }
            boolean holds = Boolean.TRUE.equals(result);
            said.add(words(expression, figure, holds));
            if (!holds) return new Verdict(false, said.get(said.size() - 1));
        }
        return new Verdict(true, String.join("; ", said));
    }

    /** "value 29 is not above previousMax 31", or "counted: yes", with what lies behind a test. */
    private String words(String expression, Series figure, boolean holds) {
        List<String> sides = split(expression);
        if (sides != null) {
            String left = sides.get(0).trim(), op = sides.get(1), right = sides.get(2).trim();
            if (right.equals("null")) {
                boolean known = op.equals("!=") == holds;
                String value = shown(left, figure);
                return left + (known ? " is " + (value.contains("[") ? "known" : value) : " " + unknown(left));
            }
            return side(left, figure) + " is " + (holds ? "" : "not ") + SAID.get(op) + " " + side(right, figure) + behind(left, figure);
        }
        return expression.replaceAll("\\s+", " ") + ": " + (holds ? "yes" : "no") + behind(expression, figure);
    }

    /** Why a question has no answer. */
    private static String unknown(String property) {
        if (property.startsWith("threshold")) return "is not set (no thresholds: for the metric in metrics.yaml)";
        if (property.equals("chart")) return "cannot be drawn (the run of consecutive months is shorter than spc.min-points)";
        return "cannot be worked out (a month it needs is missing, or the metric is not of the kind it needs)";
    }

    private String side(String expression, Series figure) {
        String value = shown(expression, figure);
        return expression.matches("-?[\\d.]+") || expression.equals(value) ? value : expression + " " + value;
    }

    private String shown(String expression, Series figure) {
        Object v;
        try { v = eval(expression, figure); } catch (RuntimeException e) { return "(cannot be worked out)"; }
        if (v == null) return "(cannot be worked out: a month it needs is missing)";
        if (v instanceof Double d) return expression.endsWith("Pct") ? String.format("%.1f%%", d) : figure.format(d);
        return String.valueOf(v);
    }

    /** For a test reached through an object (average1yr.significantlyAbove): its numbers. */
    private String behind(String expression, Series figure) {
        Matcher m = Pattern.compile("\\b(average1yr|average3yr|benchmark|chart)\\.").matcher(expression);
        if (!m.find()) return "";
        Object o;
        try { o = eval(m.group(1), figure); } catch (RuntimeException e) { return ""; }
        if (o instanceof Significance s)
            return String.format(" (z = %.2f, needed %s; %s test against the mean %s of the previous %d months)", s.z(), s.needed(), s.test(), figure.format(s.mean()), s.months());
        if (o instanceof Benchmark b)
            return String.format(" (z = %.2f, needed %s; %d-month figure %s against %s at %s)", b.z(), b.needed(), b.months(),
                    figure.format(b.rolling()), figure.format(b.benchmark()), Wording.month(b.benchmarkMonth()));
        if (o instanceof XmrChart c)
            return " (chart of " + c.getSize() + " months: mean " + figure.format(c.getMean()) + ", limits " + figure.format(c.getLower())
                    + " to " + figure.format(c.getUpper()) + ", " + c.getShiftRun() + " months on one side, trend run " + c.getTrendRun() + ")";
        return "";
    }

    private Object eval(String expression, Series figure) {
        Serializable once = compiled.computeIfAbsent(expression, e -> MVEL.compileExpression(e, context));
        return MVEL.executeExpression(once, figure, new HashMap<>(globals));
    }

    /** left, operator, right of a comparison at the top level, or null when the constraint is not one comparison. */
    private static List<String> split(String expression) {
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && (c == '&' || c == '|')) return null;
            else if (depth == 0) {
                Matcher m = COMPARISON.matcher(expression).region(i, expression.length());
                if (m.lookingAt()) return List.of(expression.substring(0, i), m.group(), expression.substring(m.end()));
            }
        }
        return null;
    }

    /** One Series pattern, perhaps followed by collections that always match ($parts : List() from collect(...)). */
    private static boolean singlePattern(String condition) {
        int open = condition.indexOf('(');
        int close = closing(condition, open);
        return close > 0 && (condition.substring(close + 1).isBlank() || COLLECT.matcher(condition.substring(close + 1)).matches());
    }

    private static final Pattern COLLECT = Pattern.compile("\\s*(?:\\$\\w+\\s*:\\s*)?(?:java\\.util\\.)?List\\(\\s*\\)\\s*from\\s+collect\\s*\\(.*\\)\\s*", Pattern.DOTALL);

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') depth++;
            else if (text.charAt(i) == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<String> topLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == separator) { out.add(text.substring(from, i)); from = i + 1; }
        }
        out.add(text.substring(from));
        return out.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
