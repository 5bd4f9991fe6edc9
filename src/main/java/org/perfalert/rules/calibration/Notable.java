package org.perfalert.rules.calibration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Is a section-5 exception worth attention (SIGNALS.md 3)? It is notable when the calibrated statistic
 * of its window agrees with its direction at |statistic| ≥ notable.min-z and, for counts, E(M) ≥
 * signals.min-expected. The statistic by rule family:
 * <ul>
 * <li>one month (twelve-month-*, same-month-high/low, above/below-average-*, spc-outside-limits): z;</li>
 * <li>twelve-month totals (rolling-*-streak, only-district-*): z_year; only-district also needs the
 *     district's own |change| ≥ signals.year-on-year.min-change-pct in the rule's direction;</li>
 * <li>above/below-benchmark: z_bench;</li>
 * <li>runs (same-month-streak-*, spc-shift, spc-trend, spc-two-of-three): Stouffer's Σ z(m)/√k over
 *     the k months of the run, each z(m) as computed when m was evaluated; a month of the run without
 *     a z: not notable;</li>
 * <li>threshold-above/below: always (a threshold is policy, not statistics).</li>
 * </ul>
 * No calibrated statistic: not notable (thresholds aside). A rule id not in section 5 (an analyst's
 * own rule) is judged as a one-month rule.
 */
public final class Notable {
    private Notable() { }

    /** Which statistic decides. */
    public enum Basis { Z, Z_YEAR, Z_BENCH, STOUFFER, THRESHOLD }

    /** The decision and the statistic it rests on (null when there is none). */
    public record Verdict(boolean notable, Basis basis, Double statistic) { }

    /** The statistic a rule's exceptions are judged by. */
    public static Basis basisOf(String rule) {
        return switch (rule) {
            case "rolling-rise-streak", "rolling-fall-streak", "only-district-increase", "only-district-decrease" -> Basis.Z_YEAR;
            case "above-benchmark", "below-benchmark" -> Basis.Z_BENCH;
            case "same-month-streak-high", "same-month-streak-low", "spc-shift", "spc-trend", "spc-two-of-three" -> Basis.STOUFFER;
            case "threshold-above", "threshold-below" -> Basis.THRESHOLD;
            default -> Basis.Z;
        };
    }

    /**
     * The length k of a run rule's run, from its evidence: `months` (same-month-streak-*, spc-shift,
     * spc-trend), 3 for spc-two-of-three (the three months ending at M); 0 for other rules or when
     * the evidence has no length.
     */
    public static int runMonths(String rule, Map<String, ?> evidence) {
        if (rule.equals("spc-two-of-three")) return 3;
        if (basisOf(rule) != Basis.STOUFFER) return 0;
        Object months = evidence.get("months");
        return months instanceof Number n ? n.intValue() : 0;
    }

    /**
     * @param rule      the section-5 rule id
     * @param up        the rule's movement: true for high, above, rise, increase (the upper side)
     * @param figure    the calibration of the exception's series at M (null: none)
     * @param runMonths k for run rules (see {@link #runMonths}); ignored by the others
     */
    public static Verdict judge(String rule, boolean up, Figure figure, int runMonths, CalibrationSettings settings) {
        Basis basis = basisOf(rule);
        if (basis == Basis.THRESHOLD) return new Verdict(true, basis, null);
        Double statistic = figure == null ? null : statistic(basis, figure, runMonths);
        if (statistic == null) return new Verdict(false, basis, null);
        boolean counted = figure.getKind() == CalibratedMonth.Kind.COUNT;
        boolean notable = (up ? statistic >= settings.notableMinZ() : statistic <= -settings.notableMinZ())
                && (!counted || figure.getExpected() >= settings.minExpected());
        if (notable && rule.startsWith("only-district-")) {
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
            case STOUFFER -> stouffer(f, runMonths);
            case THRESHOLD -> null;
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
