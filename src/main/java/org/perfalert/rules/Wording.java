package org.perfalert.rules;

import org.perfalert.model.Metric;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How numbers and months are written in headlines (British English). */
public final class Wording {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final String[] MONTH_NAMES = new String[12];

    static {
        for (java.time.Month m : java.time.Month.values()) MONTH_NAMES[m.ordinal()] = m.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private Wording() { }

    /** A value in its metric's unit: 8.2%, 1,234, 12.5 minutes, 512. */
    public static String value(Metric metric, double v) {
        return switch (metric.unit()) {
            case PERCENT -> Digits.ONE.format(v) + "%";
            case COUNT -> Digits.NONE.format(v);
            case MINUTES -> Digits.UP_TO_ONE.format(v) + " minutes";
            case NUMBER -> Digits.UP_TO_TWO.format(v);
        };
    }

    /**
     * x in its metric's unit, with decimals added until it reads differently from `against` when the two differ:
     * "above the upper control limit (71.6)" beside a value of 72, not "(72)".
     */
    public static String valueBeside(Metric metric, double x, double against) {
        String text = value(metric, x);
        if (x == against || !text.equals(value(metric, against))) return text;
        int min = metric.unit() == org.perfalert.model.Unit.PERCENT ? 1 : 0;
        int usual = switch (metric.unit()) { case COUNT -> 0; case PERCENT, MINUTES -> 1; case NUMBER -> 2; };
        String digits = org.perfalert.model.Numbers.apart(x, against, min, usual);
        return switch (metric.unit()) {
            case PERCENT -> digits + "%";
            case MINUTES -> digits + " minutes";
            default -> digits;
        };
    }

    /** "March 2021". */
    public static String month(YearMonth m) {
        int year = m.getYear();
        return year >= 1000 && year <= 9999 ? MONTH_NAMES[m.getMonthValue() - 1] + " " + year : m.format(MONTH);
    }

    /** "March". */
    public static String monthName(YearMonth m) { return MONTH_NAMES[m.getMonthValue() - 1]; }

    /** A signed percentage with one decimal and a real minus sign: +7.9%, −9.6%. */
    public static String signedPercent(Double pct) {
        if (pct == null) return "no comparison";
        String s = Digits.ONE.format(Math.abs(pct)) + "%";
        return (pct < 0 ? "\u2212" : "+") + s;
    }

    /** The size of a percentage change with one decimal, no sign: 11.8% (the sentence says which way). */
    public static String percent(double pct) { return Digits.ONE.format(Math.abs(pct)) + "%"; }

    /** "both areas", "all 6 districts": every one of a number of places. */
    public static String every(int n, String places) { return (n == 2 ? "both " : "all " + n + " ") + places; }

    /** A whole number written with separators: 1,234. */
    public static String whole(double v) { return Digits.NONE.format(v); }

    /**
     * A figure against its expected value (SIGNALS.md 2): "about 1.6× the 57 expected for October";
     * a figure near nothing: "far below the 27 expected for May".
     */
    public static String timesExpected(double value, double expected, YearMonth month) {
        String against = "the " + whole(expected) + " expected for " + monthName(month);
        double ratio = value / expected;
        if (!(ratio >= 0.05)) return "far below " + against;
        return "about " + Digits.ONE.format(ratio) + "\u00d7 " + against;
    }

    /** "12-month total 3,111, 14% up on the previous 12 months (2,729)" (SIGNALS.md 2, year on year). */
    public static String yearOnYear(double total, double previous, double changePct) {
        return "12-month total " + whole(total) + ", " + whole(Math.abs(changePct)) + "% " + (changePct >= 0 ? "up" : "down")
                + " on the previous 12 months (" + whole(previous) + ")";
    }

    /** A label inside a sentence: "All recorded crime" becomes "all recorded crime"; "IMU queue" stays. */
    public static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1)))
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return label;
    }

    /**
     * "highest in 12 months", "highest since March 2018" (when the last month as high is more than
     * one and a half windows back, as board papers put it) or "highest on record" (when no earlier
     * month is; the first month of the figures unknown).
     */
    public static String extreme(String word, int window, YearMonth since, YearMonth month) {
        return extreme(word, window, since, month, null);
    }

    /** Months of history before M that "on record" needs; with fewer, the headline names where the figures begin. */
    public static final int ON_RECORD_MONTHS = 36;

    /**
     * As {@link #extreme(String, int, YearMonth, YearMonth)}, but "on record" only when the figures begin at least
     * {@value #ON_RECORD_MONTHS} months before M; otherwise "highest since the figures begin (January 2024)": two
     * years of figures are no record. first: the series' first month (null: unknown, "on record" as before).
     */
    public static String extreme(String word, int window, YearMonth since, YearMonth month, YearMonth first) {
        if (since == null) {
            if (first == null || !first.plusMonths(ON_RECORD_MONTHS).isAfter(month)) return word + " on record";
            return word + " since the figures begin (" + month(first) + ")";
        }
        if (since.plusMonths(window + window / 2).isBefore(month)) return word + " since " + month(since);
        return word + " in " + window + " months";
    }

    /**
     * The four number patterns of the headlines ("#,##0", "#,##0.0", "#,##0.#", "#,##0.##", rounding
     * half up as people round: 12.25 reads as 12.3). Most numbers are written by plain arithmetic, which
     * gives exactly what DecimalFormat gives; a number close to a tie (where the binary value decides
     * which way it rounds), very large, or not finite is written by DecimalFormat itself. A headline
     * is written for every exception, so this is on the evaluation's hot path.
     */
    enum Digits {
        NONE("#,##0", 0, 0), ONE("#,##0.0", 1, 1), UP_TO_ONE("#,##0.#", 0, 1), UP_TO_TWO("#,##0.##", 0, 2);

        private static final double LARGEST_BY_ARITHMETIC = 1e9; // × 10^decimals stays exact enough to tell a tie
        private final String pattern;
        private final int minDecimals, maxDecimals;
        private final long scale;
        private final ThreadLocal<DecimalFormat> exact; // DecimalFormat is slow to build and not thread-safe

        Digits(String pattern, int minDecimals, int maxDecimals) {
            this.pattern = pattern;
            this.minDecimals = minDecimals;
            this.maxDecimals = maxDecimals;
            this.scale = maxDecimals == 0 ? 1 : maxDecimals == 1 ? 10 : 100;
            this.exact = ThreadLocal.withInitial(() -> {
                DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
                f.setRoundingMode(java.math.RoundingMode.HALF_UP);
                return f;
            });
        }

        String format(double v) {
            double size = Math.abs(v) * scale;
            if (!(size < LARGEST_BY_ARITHMETIC)) return exact.get().format(v); // also NaN and infinities
            double floor = Math.floor(size), fraction = size - floor;
            // a whole-number pattern rounds exactly; with decimals, x·10^d is within an ulp of the true product
            if (scale > 1 && Math.abs(fraction - 0.5) < 1e-6) return exact.get().format(v);
            long units = (long) floor + (fraction >= 0.5 ? 1 : 0);
            long whole = units / scale, decimalsValue = units % scale;
            int decimals = maxDecimals;
            while (decimals > minDecimals && decimalsValue % 10 == 0) { decimalsValue /= 10; decimals--; }
            char[] c = new char[32]; // written from the right: decimals, point, grouped digits, sign
            int p = c.length;
            for (int i = 0; i < decimals; i++, decimalsValue /= 10) c[--p] = (char) ('0' + decimalsValue % 10);
            if (decimals > 0) c[--p] = '.';
            for (int digits = 0; digits == 0 || whole > 0; digits++, whole /= 10) {
                if (digits > 0 && digits % 3 == 0) c[--p] = ',';
                c[--p] = (char) ('0' + whole % 10);
            }
            if (v < 0 || (v == 0 && 1 / v < 0)) c[--p] = '-'; // DecimalFormat keeps the sign of -0.04: "-0.0"
            return new String(c, p, c.length - p);
        }

        @Override
        public String toString() { return pattern; }
    }
}
