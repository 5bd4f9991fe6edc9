package org.perfalert.rules.calibration;

/**
 * The statistic of a figure that is not a count (SIGNALS.md 1, last paragraph), from the moving
 * ranges of the dispersion window before M (pairs of consecutive months both inside it and both
 * present; at least 2 ranges), σ = their mean / 1.128:
 * <ul>
 * <li><b>rates</b> (M has a numerator and denominator, and so do the 12 months before it): Laney's p′,
 *     z_raw(m) = (p(m) − p̄(m)) / √(p̄(m)(1 − p̄(m))/den(m)) with each month's own 12-month p̄,
 *     σ_z from z_raw's moving ranges, at least 1; z = z_raw(M)/σ_z, E = 100·p̄(M), φ = σ_z²;
 *     no statistic when p̄(M) is 0 or 1;</li>
 * <li><b>other units</b>: E = the mean of the 12 months before M (all present), σ from the values'
 *     moving ranges, z = (x − E)/σ; no statistic when σ = 0.</li>
 * </ul>
 * z_raw and the moving ranges depend on no later month, so they are worked out once per series.
 */
final class SpreadStatistic {
    /** d2 for ranges of two: the mean moving range of a normal series is 1.128 σ. */
    static final double D2 = 1.128;

    private final SeriesInput s;
    private final Totals totals;
    private final boolean[] rate;     // M is a rate month: a fraction at M and at each of the 12 before
    private final double[] zRaw;      // NaN where not defined (or p̄ is 0 or 1)
    private final double[] pBar;
    // running sums (and counts) of the moving ranges |z_raw(m) − z_raw(m−1)| and |x(m) − x(m−1)|
    // where both months have one: a window's mean range is a difference of two of them
    private final double[] rateRanges, valueRanges;
    private final int[] rateCount, valueCount;

    SpreadStatistic(SeriesInput s, int baseline) {
        this.s = s;
        this.totals = new Totals(s);
        int n = s.values().length;
        rate = new boolean[n];
        zRaw = new double[n];
        pBar = new double[n];
        rateRanges = new double[n + 1];
        valueRanges = new double[n + 1];
        rateCount = new int[n + 1];
        valueCount = new int[n + 1];
        // prefix sums of numerators and denominators, and of the months without a fraction
        long[] num = new long[n + 1], den = new long[n + 1];
        int[] without = new int[n + 1];
        for (int k = 0; k < n; k++) {
            boolean has = s.hasFraction(s.first() + k);
            num[k + 1] = num[k] + (has ? s.numerators()[k] : 0);
            den[k + 1] = den[k] + (has ? s.denominators()[k] : 0);
            without[k + 1] = without[k] + (has ? 0 : 1);
        }
        for (int k = 0; k < n; k++) {
            zRaw[k] = pBar[k] = Double.NaN;
            int from = k - baseline;
            if (from < 0 || !s.hasFraction(s.first() + k) || without[k] - without[from] > 0) continue;
            rate[k] = true;
            double p = (double) (num[k] - num[from]) / (den[k] - den[from]);
            pBar[k] = p;
            if (p <= 0 || p >= 1) continue;
            double own = (double) s.numerators()[k] / s.denominators()[k];
            zRaw[k] = (own - p) / Math.sqrt(p * (1 - p) / s.denominators()[k]);
        }
        for (int k = 0; k < n; k++) {
            double rate = k == 0 ? Double.NaN : Math.abs(zRaw[k] - zRaw[k - 1]);
            double value = k == 0 ? Double.NaN : Math.abs(s.values()[k] - s.values()[k - 1]);
            rateRanges[k + 1] = rateRanges[k] + (Double.isNaN(rate) ? 0 : rate);
            rateCount[k + 1] = rateCount[k] + (Double.isNaN(rate) ? 0 : 1);
            valueRanges[k + 1] = valueRanges[k] + (Double.isNaN(value) ? 0 : value);
            valueCount[k + 1] = valueCount[k] + (Double.isNaN(value) ? 0 : 1);
        }
    }

    /** Fills series i's columns of out at M (which has a value). */
    void compute(int i, CalibrationSettings settings, CalibratedMonth out) {
        int month = out.month, k = month - s.first();
        int window = settings.dispersionMonths();
        if (rate[k]) {
            if (Double.isNaN(zRaw[k])) return;
            double[] mr = meanRange(rateRanges, rateCount, k, window);
            if (mr == null) return;
            double sigma = Math.max(1, mr[0] / D2);
            out.kind[i] = CalibratedMonth.Kind.RATE;
            out.expected[i] = 100 * pBar[k];
            out.phi[i] = sigma * sigma;
            out.z[i] = zRaw[k] / sigma;
            out.months[i] = mr[1];
            return;
        }
        int baseline = settings.baselineMonths();
        double e = totals.sum(month - baseline, month - 1) / baseline;
        double[] mr = meanRange(valueRanges, valueCount, k, window);
        if (Double.isNaN(e) || mr == null || mr[0] == 0) return;
        double sigma = mr[0] / D2;
        out.kind[i] = CalibratedMonth.Kind.OTHER;
        out.expected[i] = e;
        out.z[i] = (s.value(month) - e) / sigma;
        out.months[i] = mr[1];
    }

    /**
     * {mean, count} of the ranges between consecutive months inside the window months before M (the
     * range at m pairs m − 1 and m, so m runs from M − window + 1 to M − 1), or null under 2 ranges.
     */
    private static double[] meanRange(double[] sums, int[] counts, int k, int window) {
        int from = Math.max(1, k - window + 1); // ranges at positions from … k − 1
        if (from >= k) return null;
        int count = counts[k] - counts[from];
        return count < 2 ? null : new double[] {(sums[k] - sums[from]) / count, count};
    }
}
