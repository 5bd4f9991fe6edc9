package org.perfalert.rules.calibration;

/**
 * Student's t distribution's upper tail, for the one-sided p-values of z and z_year. P(T > t) with ν
 * degrees of freedom is ½·I_x(ν/2, ½) at x = ν/(ν + t²), I the regularized incomplete beta function,
 * evaluated by its continued fraction (DLMF 8.17.22) on the side where that converges quickly. Accurate
 * to about 1e-12 relative, also far in the tail (no 1 − (1 − p) cancellation).
 */
final class StudentT {
    private static final double EPS = 1e-15, TINY = 1e-300;
    private static final int MAX_TERMS = 300;

    private StudentT() { }

    /** P(T > t) for ν > 0 degrees of freedom. */
    static double upperTail(double t, double nu) {
        if (Double.isNaN(t)) return Double.NaN;
        if (t == 0) return 0.5;
        double t2 = t * t, x = nu / (nu + t2), oneMinusX = t2 / (nu + t2);
        double half = 0.5 * betaRegularized(nu / 2, 0.5, x, oneMinusX);
        return t > 0 ? half : 1 - half;
    }

    /** I_x(a, b), given x and 1 − x (passed separately so that a small 1 − x keeps its digits). */
    static double betaRegularized(double a, double b, double x, double oneMinusX) {
        if (x <= 0) return 0;
        if (oneMinusX <= 0) return 1;
        double logFront = a * Math.log(x) + b * Math.log(oneMinusX) - logBeta(a, b);
        if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * continuedFraction(a, b, x) / a;
        return 1 - Math.exp(logFront) * continuedFraction(b, a, oneMinusX) / b;
    }

    /** The continued fraction of I_x(a, b), by the modified Lentz method. */
    private static double continuedFraction(double a, double b, double x) {
        double c = 1, d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < EPS) break;
        }
        return h;
    }

    private static double nonZero(double v) { return Math.abs(v) < TINY ? TINY : v; }

    static double logBeta(double a, double b) { return logGamma(a) + logGamma(b) - logGamma(a + b); }

    /** ln Γ(x) for x > 0: Stirling's series from x ≥ 10, shifted up by Γ(x + 1) = x·Γ(x) below that. */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }
}
