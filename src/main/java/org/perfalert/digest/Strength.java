package org.perfalert.digest;

import java.time.YearMonth;
import java.util.Map;

/**
 * How strongly an exception fired, as a multiple of the bar its rule had to clear (1 = just cleared it), so that
 * exceptions of different rules can be ranked together within a severity: |z| against the significance threshold,
 * the distance from the mean against the distance of the limit or band crossed, the length of a run against the
 * shortest run that fires. The bars are the contract's defaults (CONTRACT.md 5); see docs/digest.md.
 */
public final class Strength {
    static final double Z = 1.645, TWELVE = 12, SAME_MONTH_YEARS = 2, STREAK = 4, ROLLING = 3, SPC_RUN = 7;
    /** "Highest (lowest) on record" counts as a run of this many twelve-month windows. */
    static final double ON_RECORD = 3;
    /** For only-district rules: a change of this many percent counts as one more bar. */
    static final double DISTRICT_PCT = 10;

    private Strength() { }

    public static double of(String rule, YearMonth month, Map<String, Object> evidence) {
        Double value = number(evidence, "value");
        switch (rule) {
            case "twelve-month-high", "twelve-month-low" -> {
                Object since = evidence.get("since");
                if (since == null) return ON_RECORD;
                try { return monthsBetween(YearMonth.parse(since.toString()), month) / TWELVE; }
                catch (RuntimeException e) { return 1; }
            }
            case "same-month-high", "same-month-low" -> { return ratio(number(evidence, "years"), SAME_MONTH_YEARS); }
            case "same-month-streak-high", "same-month-streak-low" -> { return ratio(number(evidence, "months"), STREAK); }
            case "rolling-rise-streak", "rolling-fall-streak" -> { return ratio(number(evidence, "months"), ROLLING); }
            case "spc-shift", "spc-trend" -> { return ratio(number(evidence, "months"), SPC_RUN); }
            case "threshold-above", "threshold-below" -> {
                Double limit = number(evidence, "limit");
                if (value == null || limit == null) return 1;
                return 1 + Math.abs(value - limit) / Math.max(Math.abs(limit), 1e-9);
            }
            case "only-district-increase", "only-district-decrease" -> {
                Double pct = number(evidence, "change_pct");
                return pct == null ? 1 : 1 + Math.abs(pct) / DISTRICT_PCT;
            }
            case "spc-outside-limits" -> {
                Double mean = number(evidence, "mean"), upper = number(evidence, "upper"), lower = number(evidence, "lower");
                if (value == null || mean == null || upper == null || lower == null) return 1;
                return beyond(value, mean, value >= mean ? upper : lower);
            }
            case "spc-two-of-three" -> {
                Double mean = number(evidence, "mean"), band = number(evidence, "band");
                if (value == null || mean == null || band == null) return 1;
                return beyond(value, mean, band);
            }
            default -> {
                Double z = number(evidence, "z");
                return z == null ? 1 : Math.abs(z) / Z;
            }
        }
    }

    /** |value − mean| as a multiple of |edge − mean|. */
    private static double beyond(double value, double mean, double edge) {
        double gap = Math.abs(edge - mean);
        return gap == 0 ? 1 : Math.abs(value - mean) / gap;
    }

    private static double ratio(Double n, double bar) { return n == null ? 1 : n / bar; }

    private static long monthsBetween(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue();
    }

    private static Double number(Map<String, Object> evidence, String key) {
        Object v = evidence == null ? null : evidence.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
