package org.perfalert.rules.calibration;

import java.util.Arrays;

/**
 * Benjamini–Hochberg adjusted p-values (step-up): with the family's m p-values in ascending order
 * p(1) ≤ … ≤ p(m), p_adjusted(i) = min over j ≥ i of m·p(j)/j, capped at 1; a test is rejected at
 * false discovery rate q when its p_adjusted ≤ q. Tied p-values get the same adjusted value.
 */
final class BenjaminiHochberg {
    private BenjaminiHochberg() { }

    /** The adjusted p-values, in the order given. */
    static double[] adjust(double[] p) {
        int m = p.length;
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] adjusted = new double[m];
        double least = 1;
        for (int i = m - 1; i >= 0; i--) {
            least = Math.min(least, sorted[i] * m / (i + 1));
            adjusted[i] = least;
        }
        double[] out = new double[m];
        // equal p-values have equal adjusted values, so any position of a tie will do
        for (int i = 0; i < m; i++) out[i] = adjusted[Arrays.binarySearch(sorted, p[i])];
        return out;
    }
}
