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
    private final double[] expectedAt; // E(m) for m = M − window … M, with the index fitted for M

    CountStatistic(CalibrationSettings settings) {
        this.settings = settings;
        this.baseline = settings.baselineMonths();
        this.window = settings.dispersionMonths();
        this.inflation = settings.baselineInflation();
        this.expectedAt = new double[window + 1];
    }

    /**
     * Fills series i's columns of out at M; history says which earlier months of the series carried an
     * S1 or S2 signal (those months are left out of φ).
     */
    void compute(SeriesInput s, Totals totals, int i, double[] season, double[] inverseSeason, Calibration.History history,
                 CalibratedMonth out) {
        int month = out.month;
        double x = s.value(month);
        yearOnYearTotals(totals, month, i, out);
        if (Double.isNaN(totals.sum(month - baseline, month - 1))) return; // E(M) needs each of its 12 months
        // E(m) exists only where the 12 months before m lie inside the series: from position `from` of the window on
        int from = Math.max(0, s.first() + baseline - (month - window));
        expectations(s, month, from, season, inverseSeason);
        double e = expectedAt[window];
        double sum = 0;
        int n = 0;
        long signalled = history.recentSignals(i); // bit j: month M − 1 − j
        double[] v = s.values();
        int at = month - window - s.first(); // position in v of the window's first month (at + from ≥ 0)
        for (int k = from; k < window; k++) {
            double xm = v[at + k], em = expectedAt[k];
            if (Double.isNaN(xm) || !(em > 0) || (signalled >>> (window - 1 - k) & 1) != 0) continue;
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

    /**
     * E(m) for m = M − window + from … M with the index fitted for M; NaN where a month of its 12 is
     * missing (positions before from are left as they are: the caller does not read them).
     */
    private void expectations(SeriesInput s, int month, int from, double[] season, double[] inverseSeason) {
        // a sliding sum of x(j)/S(moy j) over the baseline months, counting the missing ones instead of adding
        // NaN; every month read lies between the series' first month and M, so the array is read directly
        double[] v = s.values();
        double sum = 0;
        int missing = 0;
        int start = month - window + from, at = start - s.first();
        int moy = SeasonalIndex.moy(start - baseline);
        for (int j = at - baseline; j < at; j++) {
            double x = v[j];
            if (Double.isNaN(x)) missing++; else sum += x * inverseSeason[moy];
            moy = moy == 11 ? 0 : moy + 1;
        }
        int moyIn = SeasonalIndex.moy(start), moyOut = SeasonalIndex.moy(start - baseline);
        for (int k = from; k <= window; k++, at++) {
            expectedAt[k] = missing > 0 ? Double.NaN : season[moyIn] * sum / baseline;
            if (k == window) break;
            double in = v[at], out = v[at - baseline];
            if (Double.isNaN(in)) missing++; else sum += in * inverseSeason[moyIn];
            if (Double.isNaN(out)) missing--; else sum -= out * inverseSeason[moyOut];
            moyIn = moyIn == 11 ? 0 : moyIn + 1;
            moyOut = moyOut == 11 ? 0 : moyOut + 1;
        }
    }

    /** A, B, change and the benchmark sums (they need no φ; the z's are set by yearOnYearTests). */
    private static void yearOnYearTotals(Totals totals, int month, int i, CalibratedMonth out) {
        double a = totals.sum(month - 11, month), b = totals.sum(month - 23, month - 12);
        out.rolling[i] = a;
        out.previous[i] = b;
        out.change[i] = b > 0 ? a / b - 1 : Double.NaN;
        int bench = out.benchmarkMonth;
        out.benchmarkRolling[i] = totals.sum(bench + 1, month);
        out.benchmarkPrevious[i] = totals.sum(bench - 11, month - 12);
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
}
