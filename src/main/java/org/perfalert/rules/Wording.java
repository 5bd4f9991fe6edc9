package org.perfalert.rules;

import org.perfalert.model.Metric;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** How numbers and months are written in headlines (British English). */
public final class Wording {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Wording() { }

    /** A value in its metric's unit: 8.2%, 1,234, 12.5 minutes, 512. */
    public static String value(Metric metric, double v) {
        return switch (metric.unit()) {
            case PERCENT -> number(v, "#,##0.0") + "%";
            case COUNT -> number(v, "#,##0");
            case MINUTES -> number(v, "#,##0.#") + " minutes";
            case NUMBER -> number(v, "#,##0.##");
        };
    }

    /** "March 2021". */
    public static String month(YearMonth m) { return m.format(MONTH); }

    /** A signed percentage with one decimal and a real minus sign: +7.9%, −9.6%. */
    public static String signedPercent(Double pct) {
        if (pct == null) return "no comparison";
        String s = number(Math.abs(pct), "#,##0.0") + "%";
        return (pct < 0 ? "\u2212" : "+") + s;
    }

    /** A whole number written with separators: 1,234. */
    public static String whole(double v) { return number(v, "#,##0"); }

    /** A label inside a sentence: "All recorded crime" becomes "all recorded crime"; "IMU queue" stays. */
    public static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1)))
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return label;
    }

    /**
     * "highest in 12 months", "highest since March 2018" (when the last month as high is more than
     * one and a half windows back, as board papers put it) or "highest on record" (when no earlier
     * month is).
     */
    public static String extreme(String word, int window, YearMonth since, YearMonth month) {
        if (since == null) return word + " on record";
        if (since.plusMonths(window + window / 2).isBefore(month)) return word + " since " + month(since);
        return word + " in " + window + " months";
    }

    // DecimalFormat is slow to build and not thread-safe: one per pattern per thread
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private static String number(double v, String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.UK));
            f.setRoundingMode(java.math.RoundingMode.HALF_UP); // 12.25 reads as 12.3, as people round
            return f;
        }).format(v);
    }
}
