package org.perfalert.rules.calibration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Is an exception worth attention (SIGNALS.md 3)? It is notable when the calibrated statistic of its
 * window agrees with its direction at |statistic| ≥ notable.min-z and, for counts, E(M) ≥
 * signals.min-expected. Which statistic is the rule's basis (notable.basis.RULE in
 * rules/settings.properties; SIGNALS.md 3's mapping by default, {@link #standard}):
 * <ul>
 * <li>{@code z}, one month (twelve-month-*, same-month-high/low, above/below-average-*, spc-outside-limits,
 *     and any rule not named);</li>
 * <li>{@code z_year}, twelve-month totals (rolling-*-streak, only-district-*); only-district also needs the
 *     district's own |change| ≥ signals.year-on-year.min-change-pct in the rule's direction;</li>
 * <li>{@code z_bench} (above/below-benchmark);</li>
 * <li>{@code run} (same-month-streak-*, spc-shift, spc-trend, spc-two-of-three): Stouffer's Σ z(m)/√k over
 *     the k months of the run, each z(m) as computed when m was evaluated; a month of the run without
 *     a z: not notable;</li>
 * <li>{@code always} (threshold-above/below: a threshold is policy, not statistics);</li>
 * <li>{@code signal} (the signal rules, SIGNALS.md 2): a signal is notable by what it is;</li>
 * <li>{@code none}: never notable (none-since: a run of empty months has no calibrated statistic that
 *     speaks for it).</li>
 * </ul>
 * No calibrated statistic: not notable (always and signal aside).
 */
public final class Notable {
    private Notable() { }

    /** Which statistic decides, as notable.basis.RULE names it. */
    public enum Basis {
        Z("z"), Z_YEAR("z_year"), Z_BENCH("z_bench"), RUN("run"), ALWAYS("always"), SIGNAL("signal"), NONE("none");

        private final String word;

        Basis(String word) { this.word = word; }

        public String word() { return word; }

        /** A basis by its word in the settings. */
        public static Basis parse(String word) {
            for (Basis b : values()) if (b.word.equalsIgnoreCase(word.trim())) return b;
            throw new IllegalArgumentException("\"" + word + "\" is not a basis of notable (use z, z_year, z_bench, run, always, signal or none)");
        }
    }

    /** The decision and the statistic it rests on (null when there is none). */
    public record Verdict(boolean notable, Basis basis, Double statistic) { }

    /** The basis of a rule by SIGNALS.md 3 (and section 2 for the signal rules); a rule not named there is judged by z. */
    public static Basis standard(String rule) {
        return switch (rule) {
            case "rolling-rise-streak", "rolling-fall-streak", "only-district-increase", "only-district-decrease" -> Basis.Z_YEAR;
            case "above-benchmark", "below-benchmark" -> Basis.Z_BENCH;
            case "same-month-streak-high", "same-month-streak-low", "spc-shift", "spc-trend", "spc-two-of-three" -> Basis.RUN;
            case "threshold-above", "threshold-below" -> Basis.ALWAYS;
            // the papers' rules (rules/papers.drl)
            case "year-on-year-increase", "year-on-year-decrease", "all-districts-increase", "all-districts-decrease",
                    "all-areas-increase", "all-areas-decrease", "downward-trend-halted", "upward-trend-halted" -> Basis.Z_YEAR;
            case "frequency-above", "frequency-below" -> Basis.RUN;
            case "none-since" -> Basis.NONE;
            case "exceptional-high", "exceptional-low", "sustained-rise", "sustained-fall", "year-on-year-rise",
                    "year-on-year-fall" -> Basis.SIGNAL;
            default -> Basis.Z;
        };
    }

    /**
     * The length k of a run from its exception's evidence: `months` (same-month-streak-*, spc-shift,
     * spc-trend, or an analyst's run rule), 3 for spc-two-of-three (the three months ending at M); 0 when
     * the evidence gives no length.
     */
    public static int runMonths(String rule, Map<String, ?> evidence) {
        if (rule.equals("spc-two-of-three")) return 3;
        Object months = evidence.get("months");
        return months instanceof Number n ? n.intValue() : 0;
    }

    /** As {@link #judge(Basis, String, boolean, Figure, int, CalibrationSettings)} with the rule's standard basis. */
    public static Verdict judge(String rule, boolean up, Figure figure, int runMonths, CalibrationSettings settings) {
        return judge(standard(rule), rule, up, figure, runMonths, settings);
    }

    /**
     * @param basis     the statistic that decides
     * @param rule      the rule id (only-district-* also needs its change)
     * @param up        the rule's movement: true for high, above, rise, increase (the upper side)
     * @param figure    the calibration of the exception's series at M (null: none)
     * @param runMonths k for the run basis (see {@link #runMonths}); ignored by the others
     */
    public static Verdict judge(Basis basis, String rule, boolean up, Figure figure, int runMonths, CalibrationSettings settings) {
        if (basis == Basis.ALWAYS || basis == Basis.SIGNAL) return new Verdict(true, basis, figure == null ? null : figure.getZ());
        if (basis == Basis.NONE) return new Verdict(false, basis, null);
        Double statistic = figure == null ? null : statistic(basis, figure, runMonths);
        if (statistic == null) return new Verdict(false, basis, null);
        boolean counted = figure.getKind() == CalibratedMonth.Kind.COUNT;
        boolean notable = (up ? statistic >= settings.notableMinZ() : statistic <= -settings.notableMinZ())
                && (!counted || figure.getExpected() >= settings.minExpected());
        if (notable && basis == Basis.Z_YEAR && rule.startsWith("only-district-")) {
            Double a = figure.getRollingTotal(), b = figure.getPreviousTotal();
            notable = a != null && b != null && Signals.bigChange(a, b, settings.yearMinChangePct(), up);
        }
        return new Verdict(notable, basis, statistic);
    }

    private static Double statistic(Basis basis, Figure f, int runMonths) {
        if (!f.isCalibrated()) return null;
        return switch (basis) {
            case Z -> f.getZ();
            case Z_YEAR -> f.getZYear();
            case Z_BENCH -> f.getZBench();
            case RUN -> stouffer(f, runMonths);
            case ALWAYS, SIGNAL -> f.getZ();
            case NONE -> null;
        };
    }

    /** Σ z(m)/√k over the k months ending at M; null when k &lt; 1 or a month has no z. */
    static Double stouffer(Figure f, int k) {
        if (k < 1) return null;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double z = f.zMonthsAgo(j);
            if (Double.isNaN(z)) return null;
            sum += z;
        }
        return sum / Math.sqrt(k);
    }

    /** SIGNALS.md 3's `calibrated` member of an exception: expected, phi, z, z_year (null where not computable). */
    public static Map<String, Object> calibrated(Figure figure) {
        if (figure != null) return figure.calibrated();
        Map<String, Object> c = new LinkedHashMap<>();
        for (String key : new String[] {"expected", "phi", "z", "z_year"}) c.put(key, null);
        return c;
    }
}
