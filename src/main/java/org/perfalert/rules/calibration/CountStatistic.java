package org.perfalert.rules.calibration;

/**
 * The calibrated statistic of a count figure at M (SIGNALS.md 1.2–1.6): E from the 12 months before
 * M over the seasonal index fitted for M, φ from the standardised residuals of the 24 months before M
 * that carried no signal, Farrington's 2/3-power z with its t p-values, and the year-on-year and
 * benchmark z on the same φ. One instance per run; its scratch arrays are reused from figure to figure.
 */
final class CountStatistic {
    private final CalibrationSettings settings;
    private final int baseline, window;
    private final double inflation;
    private final double[] deseasoned; // x(j)/S(moy j) for j = M − window − baseline … M − 1
    private final double[] expectedAt; // E(m) for m = M − window … M, with the index fitted for M

    CountStatistic(CalibrationSettings settings) {
        this.settings = settings;
        this.baseline = settings.baselineMonths();
        this.window = settings.dispersionMonths();
        this.inflation = settings.baselineInflation();
        this.deseasoned = new double[window + baseline];
        this.expectedAt = new double[window + 1];
    }

    /**
     * Fills series i's columns of out at M; history says which earlier months of the series carried an
     * S1 or S2 signal (those months are left out of φ).
     */
    void compute(SeriesInput s, int i, double[] season, double[] inverseSeason, Calibration.History history, CalibratedMonth out) {
        int month = out.month;
        double x = s.value(month);
        expectations(s, month, season, inverseSeason);
        double e = expectedAt[window];
        yearOnYearTotals(s, month, i, out);
        if (Double.isNaN(e)) return;
        double sum = 0;
        int n = 0;
        for (int k = 0; k < window; k++) {
            int m = month - window + k;
            double xm = s.value(m), em = expectedAt[k];
            if (Double.isNaN(xm) || !(em > 0) || history.signalled(i, m)) continue;
            double d = xm - em;
            sum += d * d / (em * inflation);
            n++;
        }
        double n0 = settings.priorMonths();
        double prior = 1 + settings.tau0() * settings.tau0() * e;
        double phi = Math.max(1, (sum + n0 * prior) / (n + n0));
        double df = n + n0;
        double z = e == 0 ? 0 : (twoThirds(x) - twoThirds(e)) / ((2.0 / 3) * Math.sqrt(Math.cbrt(e)) * Math.sqrt(phi * inflation));
        out.kind[i] = CalibratedMonth.Kind.COUNT;
        out.expected[i] = e;
        out.phi[i] = phi;
        out.z[i] = z;
        out.months[i] = n;
        out.df[i] = df;
        double tail = StudentT.upperTail(Math.abs(z), df); // the small one, computed once
        out.pUp[i] = z >= 0 ? tail : 1 - tail;
        out.pDown[i] = z >= 0 ? 1 - tail : tail;
        yearOnYearTests(i, phi, df, out);
    }

    private static double twoThirds(double v) {
        double c = Math.cbrt(v);
        return c * c;
    }

    /** E(m) for m = M − window … M with the index fitted for M; NaN where a month of its 12 is missing. */
    private void expectations(SeriesInput s, int month, double[] season, double[] inverseSeason) {
        int from = month - window - baseline;
        for (int k = 0; k < deseasoned.length; k++) {
            int j = from + k;
            deseasoned[k] = s.value(j) * inverseSeason[SeasonalIndex.moy(j)];
        }
        // a sliding sum over the baseline months, counting the missing ones instead of adding NaN
        double sum = 0;
        int missing = 0;
        for (int k = 0; k < baseline; k++) {
            double y = deseasoned[k];
            if (Double.isNaN(y)) missing++; else sum += y;
        }
        for (int k = 0; k <= window; k++) {
            int m = month - window + k;
            expectedAt[k] = missing > 0 ? Double.NaN : season[SeasonalIndex.moy(m)] * sum / baseline;
            if (k == window) break;
            double in = deseasoned[k + baseline], out = deseasoned[k];
            if (Double.isNaN(in)) missing++; else sum += in;
            if (Double.isNaN(out)) missing--; else sum -= out;
        }
    }

    /** A, B, change and the benchmark sums (they need no φ; the z's are set by yearOnYearTests). */
    private void yearOnYearTotals(SeriesInput s, int month, int i, CalibratedMonth out) {
        double a = sum(s, month - 11, month), b = sum(s, month - 23, month - 12);
        out.rolling[i] = a;
        out.previous[i] = b;
        out.change[i] = b > 0 ? a / b - 1 : Double.NaN;
        int bench = out.benchmarkMonth;
        out.benchmarkRolling[i] = sum(s, bench + 1, month);
        out.benchmarkPrevious[i] = sum(s, bench - 11, month - 12);
    }

    private void yearOnYearTests(int i, double phi, double df, CalibratedMonth out) {
        double a = out.rolling[i], b = out.previous[i];
        if (!Double.isNaN(a + b)) {
            double zy = a + b == 0 ? 0 : (a - b) / Math.sqrt(phi * (a + b));
            out.zYear[i] = zy;
            double tail = StudentT.upperTail(Math.abs(zy), df);
            out.pYearUp[i] = zy >= 0 ? tail : 1 - tail;
            out.pYearDown[i] = zy >= 0 ? 1 - tail : tail;
        }
        double ab = out.benchmarkRolling[i], bb = out.benchmarkPrevious[i];
        if (!Double.isNaN(ab + bb)) out.zBench[i] = ab + bb == 0 ? 0 : (ab - bb) / Math.sqrt(phi * (ab + bb));
    }

    /** The sum of x over from..to, NaN when a month is missing. */
    static double sum(SeriesInput s, int from, int to) {
        double total = 0;
        for (int m = from; m <= to; m++) total += s.value(m); // NaN carries through
        return total;
    }
}
