package org.perfalert.alerts;

import org.perfalert.model.*;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * What an email item says to a lead beside its headline: the numbers a lead needs, in words ("29 in December 2025;
 * the highest of the 11 months before was 27"), with numbers that differ never written the same
 * ({@link Numbers#distinct}); and the tone of the news in words as well as colour. The rule id and the statistics
 * (z, φ, p) are for the analysts' details block, not here.
 */
public final class ItemWords {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private ItemWords() { }

    /** "worse", "better" or "no better direction" (the metric has none): the colour's meaning in words. */
    public static String tone(Direction d) {
        return switch (d) { case CONCERN -> "worse"; case IMPROVEMENT -> "better"; case NEUTRAL -> "no better direction"; };
    }

    /** The evidence keys the analysts' details block shows first (statistics; the numbers in words cover the rest). */
    public static final List<String> DETAILS = List.of("z", "z_year", "phi", "p", "p_adjusted", "tested", "cusum", "expected",
            "mean", "upper", "lower", "band");

    /** Evidence the numbers in words already say; any other key (an analyst's own rule's) goes to the details too. */
    public static final Set<String> IN_WORDS = Set.of("value", "previous_max", "previous_min", "since", "years", "previous",
            "limit", "months", "rolling_total", "rolling", "benchmark", "benchmark_month", "change", "change_pct",
            "force_change_pct", "previous_total");

    /** The numbers of one exception in a sentence or two, in its metric's unit (metric may be null: plain numbers). */
    public static String numbers(PerformanceException e, Metric metric) {
        Map<String, Object> ev = e.evidence() == null ? Map.of() : e.evidence();
        Double value = num(ev.get("value"));
        String month = e.month().format(MONTH);
        String rule = e.rule();
        if (value == null) return "";
        if (rule.startsWith("twelve-month-")) {
            boolean high = rule.endsWith("high");
            Double prev = num(ev.get(high ? "previous_max" : "previous_min"));
            if (prev == null) return "";
            List<String> w = write(metric, value, prev);
            String since = month(ev.get("since"));
            return w.get(0) + " in " + month + "; the " + (high ? "highest" : "lowest") + " of the 11 months before was "
                    + w.get(1) + (since == null ? "; no earlier month was as " + (high ? "high" : "low") + "."
                    : "; last as " + (high ? "high" : "low") + " in " + since + ".");
        }
        if (rule.startsWith("same-month-high") || rule.startsWith("same-month-low")) {
            List<Double> prev = nums(ev.get("previous"));
            if (prev.isEmpty()) return "";
            double[] all = new double[prev.size() + 1];
            all[0] = value;
            for (int i = 0; i < prev.size(); i++) all[i + 1] = prev.get(i);
            List<String> w = write(metric, all);
            return w.get(0) + " in " + month + "; the same month of the " + prev.size() + " years before: "
                    + String.join(", ", w.subList(1, w.size())) + " (latest first).";
        }
        if (rule.startsWith("threshold-")) {
            Double limit = num(ev.get("limit"));
            if (limit == null) return "";
            List<String> w = write(metric, value, limit);
            return w.get(0) + " in " + month + " against a limit of " + w.get(1) + ".";
        }
        if (rule.startsWith("above-average") || rule.startsWith("below-average")) {
            Double mean = num(ev.get("mean"));
            if (mean == null) return "";
            List<String> w = write(metric, value, mean);
            return w.get(0) + " in " + month + " against an average of " + w.get(1) + " over the "
                    + (rule.endsWith("3yr") ? "36" : "12") + " months before.";
        }
        if (rule.endsWith("-benchmark")) {
            Double rolling = num(ev.get("rolling")), bench = num(ev.get("benchmark"));
            if (rolling == null || bench == null) return "";
            List<String> w = write(metric, rolling, bench);
            String at = month(ev.get("benchmark_month"));
            return "12-month figure " + w.get(0) + " to " + month + " against " + w.get(1) + " at the year end"
                    + (at == null ? "" : " (" + at + ")") + ".";
        }
        if (rule.startsWith("rolling-")) {
            Double total = num(ev.get("rolling_total"));
            Double months = num(ev.get("months"));
            if (total == null) return "";
            return "12-month total " + write(metric, total).get(0) + " to " + month + ", "
                    + (rule.contains("rise") ? "higher" : "lower") + " than the month before for " + (months == null ? "several" : Numbers.write(months, 0, 0)) + " months running.";
        }
        if (rule.startsWith("only-district-")) {
            Double pct = num(ev.get("change_pct")), force = num(ev.get("force_change_pct"));
            if (pct == null || force == null) return "";
            List<String> w = Numbers.distinct(1, Math.abs(pct), Math.abs(force));
            return "12-month total " + (pct >= 0 ? "up " : "down ") + w.get(0) + "% on the 12 months before; the force "
                    + (force >= 0 ? "up " : "down ") + w.get(1) + "%.";
        }
        if (rule.equals("spc-outside-limits")) {
            Double mean = num(ev.get("mean")), upper = num(ev.get("upper")), lower = num(ev.get("lower"));
            if (mean == null || upper == null || lower == null) return "";
            List<String> w = write(metric, value, mean, upper, lower);
            return w.get(0) + " in " + month + "; usually " + w.get(3) + " to " + w.get(2) + " (average " + w.get(1) + ").";
        }
        if (rule.equals("spc-shift") || rule.equals("spc-two-of-three")) {
            Double mean = num(ev.get("mean"));
            if (mean == null) return "";
            List<String> w = write(metric, value, mean);
            return w.get(0) + " in " + month + " against a usual level of " + w.get(1) + ".";
        }
        Double expected = num(ev.get("expected"));   // the signals: a figure against what was expected of it
        if (expected != null) {
            List<String> w = write(metric, value, expected);
            return w.get(0) + " in " + month + " where about " + w.get(1) + " was expected.";
        }
        Double total = num(ev.get("rolling_total")), previous = num(ev.get("previous_total"));
        if (total != null && previous != null) {
            List<String> w = write(metric, total, previous);
            return "12-month total " + w.get(0) + " against " + w.get(1) + " in the 12 months before.";
        }
        return write(metric, value).get(0) + " in " + month + ".";
    }

    /** The numbers in the metric's unit, with decimals added until those that differ read differently. */
    static List<String> write(Metric metric, double... values) {
        Unit unit = metric == null ? Unit.NUMBER : metric.unit();
        List<String> digits = Numbers.distinct(unit == Unit.PERCENT ? 1 : 0, values);
        return digits.stream().map(d -> switch (unit) {
            case PERCENT -> d + "%";
            case MINUTES -> d + " minutes";
            default -> d;
        }).toList();
    }

    static Double num(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) try { return Double.parseDouble(s); } catch (NumberFormatException e) { return null; }
        return null;
    }

    private static List<Double> nums(Object o) {
        if (!(o instanceof Collection<?> c)) return List.of();
        List<Double> out = new ArrayList<>();
        for (Object x : c) { Double d = num(x); if (d != null) out.add(d); }
        return out;
    }

    private static String month(Object o) {
        if (o == null) return null;
        try { return YearMonth.parse(o.toString()).format(MONTH); } catch (RuntimeException e) { return o.toString(); }
    }
}
