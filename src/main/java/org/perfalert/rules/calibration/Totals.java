package org.perfalert.rules.calibration;

/**
 * Running sums of a count series (and of its missing months), so that any window's total — the 12
 * months of A and B, the benchmark's months — is one subtraction.
 */
final class Totals {
    private final int first;
    private final double[] sums;
    private final int[] missing;

    Totals(SeriesInput s) {
        first = s.first();
        int n = s.values().length;
        sums = new double[n + 1];
        missing = new int[n + 1];
        for (int k = 0; k < n; k++) {
            double v = s.values()[k];
            sums[k + 1] = sums[k] + (Double.isNaN(v) ? 0 : v);
            missing[k + 1] = missing[k] + (Double.isNaN(v) ? 1 : 0);
        }
    }

    /** The sum of the months from..to (inclusive), NaN when one of them has no value. */
    double sum(int from, int to) {
        int a = from - first, b = to - first + 1;
        if (a < 0 || b > sums.length - 1 || a >= b) return Double.NaN;
        return missing[b] - missing[a] > 0 ? Double.NaN : sums[b] - sums[a];
    }
}
