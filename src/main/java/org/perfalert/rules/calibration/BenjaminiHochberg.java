package org.perfalert.rules.calibration;

import java.util.Arrays;

/**
 * Benjamini–Hochberg adjusted p-values (step-up): with the family's m p-values in ascending order
 * p(1) ≤ … ≤ p(m), p_adjusted(i) = min over j ≥ i of m·p(j)/j, capped at 1; a test is rejected at
 * false discovery rate q when its p_adjusted ≤ q. Tied p-values get the same adjusted value.
 */
final class BenjaminiHochberg {
    private BenjaminiHochberg() { }

    /** The adjusted p-values (each in [0, 1]), in the order given. */
    static double[] adjust(double[] p) {
        int m = p.length;
        int[] order = ascending(p);
        double[] out = new double[m];
        double least = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            least = Math.min(least, p[i] * m / rank);
            out[i] = least;
        }
        // tied p-values come out equal: for p(r) = p(r+1), m·p/r > m·p/(r+1) ≥ the minimum at r + 1
        return out;
    }

    private static final int BITS = 11, RADIX = 1 << BITS;

    /**
     * The positions of p in ascending order. The bit patterns of non-negative doubles sort like the
     * numbers, so a least-significant-digit radix sort of them (6 passes of 11 bits) orders a month's
     * family of 100,000 tests in a few milliseconds, keeping each test's position.
     */
    static int[] ascending(double[] p) {
        int m = p.length;
        long[] key = new long[m], keyNext = new long[m];
        int[] index = new int[m], indexNext = new int[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0)) throw new IllegalArgumentException("p-value " + p[i] + " is not a probability");
            key[i] = Double.doubleToLongBits(p[i] + 0.0); // + 0.0 makes −0.0 into 0.0
            index[i] = i;
        }
        if (m == 0) return index;
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) count[(int) ((key[i] >>> shift) & (RADIX - 1)) + 1]++;
            if (count[(int) ((key[0] >>> shift) & (RADIX - 1)) + 1] == m) continue; // one digit: nothing moves
            for (int d = 0; d < RADIX; d++) count[d + 1] += count[d];
            for (int i = 0; i < m; i++) {
                int to = count[(int) ((key[i] >>> shift) & (RADIX - 1))]++;
                keyNext[to] = key[i];
                indexNext[to] = index[i];
            }
            long[] k = key; key = keyNext; keyNext = k;
            int[] x = index; index = indexNext; indexNext = x;
        }
        return index;
    }
}
