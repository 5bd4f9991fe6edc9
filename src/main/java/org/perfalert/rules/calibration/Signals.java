package org.perfalert.rules.calibration;

/**
 * The month-wide decisions of SIGNALS.md section 2, over every count figure of M together:
 * exceptional-high/-low (S1) and year-on-year-rise/-fall (S3), each a Benjamini–Hochberg family.
 */
final class Signals {
    private Signals() { }

    /**
     * S1: every eligible (count figure, direction) of M is one test: up needs E ≥ min-expected and
     * x ≥ min-count, down needs E ≥ min-expected. Sets p_adjusted, the family size and the signal bits.
     */
    static void exceptional(CalibratedMonth out, CalibrationSettings settings, Family family) {
        family.clear();
        for (int i = 0; i < out.size(); i++) {
            if (out.kind[i] != CalibratedMonth.Kind.COUNT || !(out.expected[i] >= settings.minExpected())) continue;
            if (out.input(i).value(out.month) >= settings.minCount()) family.add(i, true, out.pUp[i]);
            family.add(i, false, out.pDown[i]);
        }
        out.tested = family.size;
        decide(out, family, settings.fdrQ(), out.pAdjustedUp, out.pAdjustedDown, CalibratedMonth.EXCEPTIONAL_HIGH,
                CalibratedMonth.EXCEPTIONAL_LOW, (i, up) -> true);
    }

    /**
     * S3: every count figure with z_year and (A + B)/24 ≥ the minimum monthly mean, in both directions,
     * is one family; a rejected test is a signal only when |change| ≥ the minimum change in its
     * direction (checked after the test, so the size filter never shrinks the family). With B = 0 and
     * A &gt; 0 the change counts as an unbounded rise.
     */
    static void yearOnYear(CalibratedMonth out, CalibrationSettings settings, Family family) {
        family.clear();
        for (int i = 0; i < out.size(); i++) {
            if (Double.isNaN(out.zYear[i]) || !((out.rolling[i] + out.previous[i]) / 24 >= settings.yearMinMonthlyMean())) continue;
            family.add(i, true, out.pYearUp[i]);
            family.add(i, false, out.pYearDown[i]);
        }
        out.testedYear = family.size;
        decide(out, family, settings.fdrQ(), out.pYearAdjustedUp, out.pYearAdjustedDown, CalibratedMonth.YEAR_ON_YEAR_RISE,
                CalibratedMonth.YEAR_ON_YEAR_FALL,
                (i, up) -> bigChange(out.rolling[i], out.previous[i], settings.yearMinChangePct(), up));
    }

    /** What must hold besides the test for a rejected test to be a signal. */
    private interface Also {
        boolean holds(int series, boolean up);
    }

    /** Adjusts the family's p-values into the two columns and sets the signal bits of the rejected tests that also pass. */
    private static void decide(CalibratedMonth out, Family family, double q, double[] upColumn, double[] downColumn, int upBit,
                               int downBit, Also also) {
        double[] adjusted = family.adjust();
        for (int t = 0; t < family.size; t++) {
            int i = family.series[t];
            boolean up = family.up[t];
            (up ? upColumn : downColumn)[i] = adjusted[t];
            if (adjusted[t] <= q && also.holds(i, up)) out.signals[i] |= (byte) (up ? upBit : downBit);
        }
    }

    /**
     * A/B − 1 ≥ pct % (up) or ≤ −pct % (down), compared as 100·(A − B) against pct·B so that exactly
     * 10 % passes; B = 0 with A &gt; 0 is an unbounded rise.
     */
    static boolean bigChange(double a, double b, double pct, boolean up) {
        if (!(b > 0)) return up && b == 0 && a > 0;
        return up ? 100 * (a - b) >= pct * b : 100 * (b - a) >= pct * b;
    }

    /** The tests of one family: which series, which direction, its p (one buffer for a run's months). */
    static final class Family {
        final int[] series;
        final boolean[] up;
        final double[] p;
        int size;

        Family(int capacity) {
            series = new int[capacity];
            up = new boolean[capacity];
            p = new double[capacity];
        }

        void clear() { size = 0; }

        void add(int i, boolean upward, double pValue) {
            series[size] = i;
            up[size] = upward;
            p[size++] = pValue;
        }

        double[] adjust() { return BenjaminiHochberg.adjust(java.util.Arrays.copyOf(p, size)); }
    }
}
