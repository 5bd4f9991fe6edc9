package org.perfalert.rules.calibration;

/**
 * A metric's seasonal index for month M (SIGNALS.md 1.1): least squares of log(F(m) + 0.5) on
 * [1, t, sin(2π·moy/12), cos(2π·moy/12)] over the months before M (at most seasonalMonths back) that
 * have a force figure F; S(moy) = exp(b_sin·sin + b_cos·cos), scaled so its 12 values average 1.
 * Fewer than seasonalMinMonths such months (or a force series that leaves the fit undetermined): S ≡ 1.
 */
public final class SeasonalIndex {
    /** S ≡ 1. */
    static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final double[] SIN = new double[12], COS = new double[12];

    static {
        for (int moy = 0; moy < 12; moy++) {
            SIN[moy] = Math.sin(2 * Math.PI * moy / 12);
            COS[moy] = Math.cos(2 * Math.PI * moy / 12);
        }
    }

    private SeasonalIndex() { }

    static int moy(int month) { return Math.floorMod(month, 12); }

    /** S(0..11) for month M from the force series (null: no force series), or FLAT; a fresh array. */
    public static double[] of(SeriesInput force, int month, CalibrationSettings settings) { return at(force, month, settings).clone(); }

    /** S(0..11) for month M from the force series (null: no force series), or FLAT (shared: do not change it). */
    static double[] at(SeriesInput force, int month, CalibrationSettings settings) {
        if (force == null) return FLAT;
        double[][] xtx = new double[4][4];
        double[] xty = new double[4];
        double[] row = new double[4];
        int used = 0;
        for (int m = month - settings.seasonalMonths(); m < month; m++) {
            double f = force.value(m);
            if (Double.isNaN(f)) continue;
            used++;
            row[0] = 1;
            row[1] = m - month; // t: the intercept absorbs the origin; near 0 keeps the equations well scaled
            row[2] = SIN[moy(m)];
            row[3] = COS[moy(m)];
            double y = Math.log(f + 0.5);
            for (int i = 0; i < 4; i++) {
                xty[i] += row[i] * y;
                for (int j = 0; j < 4; j++) xtx[i][j] += row[i] * row[j];
            }
        }
        if (used < settings.seasonalMinMonths()) return FLAT;
        double[] b = solve(xtx, xty);
        if (b == null) return FLAT;
        double[] s = new double[12];
        double sum = 0;
        for (int moy = 0; moy < 12; moy++) {
            s[moy] = Math.exp(b[2] * SIN[moy] + b[3] * COS[moy]);
            sum += s[moy];
        }
        for (int moy = 0; moy < 12; moy++) s[moy] /= sum / 12;
        return s;
    }

    /** Solves a·x = y by Gaussian elimination with partial pivoting; null when a is (nearly) singular. */
    static double[] solve(double[][] a, double[] y) {
        int n = y.length;
        double[][] m = new double[n][n + 1];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = y[i];
            for (int j = 0; j < n; j++) scale = Math.max(scale, Math.abs(a[i][j]));
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            if (Math.abs(m[pivot][col]) <= 1e-12 * scale) return null;
            double[] swap = m[col]; m[col] = m[pivot]; m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int c = r + 1; c < n; c++) v -= m[r][c] * x[c];
            x[r] = v / m[r][r];
        }
        return x;
    }
}
