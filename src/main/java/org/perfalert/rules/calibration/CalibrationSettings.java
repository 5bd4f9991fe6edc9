package org.perfalert.rules.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number of the calibrated statistic, the signals and `notable` (SIGNALS.md), each with its
 * SIGNALS.md default and the name of its setting in rules/settings.properties.
 *
 * @param tau0                  τ0, the prior's extra-Poisson spread: φ0 = 1 + τ0²·E            (signals.tau0)
 * @param priorMonths           N0, the prior's weight in months; df = n + N0                 (signals.prior-months)
 * @param fdrQ                  q of Benjamini–Hochberg for exceptional-* and year-on-year-*    (signals.fdr-q)
 * @param cusumK                k, the CUSUM's allowance per month, in z                      (signals.cusum-k)
 * @param cusumH                h, the CUSUM's decision limit                                 (signals.cusum-h)
 * @param minExpected           E ≥ this for exceptional-*, sustained-* and notable counts     (signals.min-expected)
 * @param minCount              x ≥ this for exceptional-high                                 (signals.min-count)
 * @param yearMinMonthlyMean    (A + B)/24 ≥ this to enter the year-on-year family            (signals.year-on-year.min-monthly-mean)
 * @param yearMinChangePct      |change| ≥ this % for a year-on-year signal (after the test)   (signals.year-on-year.min-change-pct)
 * @param notableMinZ           |z| ≥ this for notable                                        (notable.min-z)
 * @param baselineMonths        months averaged for E, also the 13/12 = 1 + 1/12 of the variance (signals.baseline-months)
 * @param dispersionMonths      months before M that estimate φ (and σ for rates and other units) (signals.dispersion-months)
 * @param seasonalMonths        at most this many months before M fit the seasonal index      (signals.seasonal-months)
 * @param seasonalMinMonths     fewer months of the force series than this: S ≡ 1             (signals.seasonal-min-months)
 */
public record CalibrationSettings(double tau0, double priorMonths, double fdrQ, double cusumK, double cusumH,
                                  double minExpected, double minCount, double yearMinMonthlyMean,
                                  double yearMinChangePct, double notableMinZ, int baselineMonths,
                                  int dispersionMonths, int seasonalMonths, int seasonalMinMonths) {

    /** The SIGNALS.md defaults. */
    public static final CalibrationSettings DEFAULTS = new CalibrationSettings(0.10, 6, 0.05, 0.5, 5, 5, 5, 5, 10, 1.96,
            12, 24, 36, 24);

    /** The setting names, in the order of the record's components, with their defaults. */
    public static final Map<String, Number> NAMES = names();

    private static Map<String, Number> names() {
        Map<String, Number> m = new LinkedHashMap<>();
        CalibrationSettings d = DEFAULTS;
        m.put("signals.tau0", d.tau0);
        m.put("signals.prior-months", d.priorMonths);
        m.put("signals.fdr-q", d.fdrQ);
        m.put("signals.cusum-k", d.cusumK);
        m.put("signals.cusum-h", d.cusumH);
        m.put("signals.min-expected", d.minExpected);
        m.put("signals.min-count", d.minCount);
        m.put("signals.year-on-year.min-monthly-mean", d.yearMinMonthlyMean);
        m.put("signals.year-on-year.min-change-pct", d.yearMinChangePct);
        m.put("notable.min-z", d.notableMinZ);
        m.put("signals.baseline-months", d.baselineMonths);
        m.put("signals.dispersion-months", d.dispersionMonths);
        m.put("signals.seasonal-months", d.seasonalMonths);
        m.put("signals.seasonal-min-months", d.seasonalMinMonths);
        return Collections.unmodifiableMap(m);
    }

    public CalibrationSettings {
        List<String> problems = new ArrayList<>();
        if (!(tau0 >= 0)) problems.add("signals.tau0 must be 0 or more");
        if (!(priorMonths > 0)) problems.add("signals.prior-months must be more than 0 (it is also the least degrees of freedom)");
        if (!(fdrQ > 0 && fdrQ < 1)) problems.add("signals.fdr-q must lie between 0 and 1 (e.g. 0.05)");
        if (!(cusumK >= 0)) problems.add("signals.cusum-k must be 0 or more");
        if (!(cusumH > 0)) problems.add("signals.cusum-h must be more than 0");
        if (!(minExpected >= 0 && minCount >= 0 && yearMinMonthlyMean >= 0 && yearMinChangePct >= 0))
            problems.add("signals.min-expected, signals.min-count and the year-on-year minimums must be 0 or more");
        if (!(notableMinZ > 0)) problems.add("notable.min-z must be more than 0");
        if (baselineMonths < 1 || dispersionMonths < 2 || dispersionMonths > 60 || seasonalMinMonths < 4
                || seasonalMonths < seasonalMinMonths)
            problems.add("the windows need signals.baseline-months ≥ 1, 2 ≤ signals.dispersion-months ≤ 60 and "
                    + "4 ≤ signals.seasonal-min-months ≤ signals.seasonal-months");
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /**
     * The settings named in values (e.g. rules/settings.properties), the default for each one absent.
     *
     * @throws IllegalArgumentException naming the setting, when a value is not a number or out of range
     */
    public static CalibrationSettings from(Map<String, String> values) {
        double[] v = new double[NAMES.size()];
        int i = 0;
        for (Map.Entry<String, Number> e : NAMES.entrySet()) {
            String text = values.get(e.getKey());
            v[i++] = text == null ? e.getValue().doubleValue() : number(e.getKey(), text, e.getValue() instanceof Integer);
        }
        return new CalibrationSettings(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                (int) v[10], (int) v[11], (int) v[12], (int) v[13]);
    }

    private static double number(String name, String text, boolean whole) {
        double d;
        try {
            d = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + ": \"" + text + "\" is not a number (use a dot for decimals)");
        }
        if (whole && d != Math.rint(d))
            throw new IllegalArgumentException("setting " + name + ": \"" + text + "\" must be a whole number of months");
        return d;
    }

    /** 1 + 1/baselineMonths: the variance of x − E over that of x when E is a mean of baselineMonths months (13/12). */
    double baselineInflation() { return 1 + 1.0 / baselineMonths; }
}
