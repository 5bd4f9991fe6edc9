package org.perfalert.rules.calibration;

/**
 * Student's t distribution's upper tail, for the one-sided p-values of z and z_year. For whole ν (the
 * usual df = n + N0) and tails of at least 1e-4, the finite series of Abramowitz &amp; Stegun 26.7.3/26.7.4
 * (a few multiplications: the calibration asks for millions of these); otherwise P(T > t) =
 * ½·I_x(ν/2, ½) at x = ν/(ν + t²), I the regularized incomplete beta function, by its continued
 * fraction (DLMF 8.17.22) on the side where that converges quickly. Accurate to about 1e-10 relative,
 * also far in the tail (no 1 − (1 − p) cancellation there).
 */
final class StudentT {
    private static final double EPS = 1e-15, TINY = 1e-300;
    private static final int MAX_TERMS = 300, MAX_SERIES_DF = 200;
    private static final double SERIES_FLOOR = 1e-4; // below it, 1 − A would lose more than 1e-12 relative

    /** ln B(ν/2, ½) for ν = 0.5, 1, 1.5 … 500 (twice ν as index): df = n + N0 takes few values. */
    private static final double[] LOG_BETA_HALF = new double[1001];

    /** (k − 1)/k, the ratio of successive terms of the finite series. */
    private static final double[] RATIO = new double[MAX_SERIES_DF + 1];

    static {
        for (int k = 1; k <= MAX_SERIES_DF; k++) RATIO[k] = (k - 1.0) / k;
        for (int twiceNu = 1; twiceNu < LOG_BETA_HALF.length; twiceNu++) LOG_BETA_HALF[twiceNu] = logBeta(twiceNu / 4.0, 0.5);
    }

    private StudentT() { }

    /** P(T > t) for ν > 0 degrees of freedom. */
    static double upperTail(double t, double nu) {
        if (Double.isNaN(t)) return Double.NaN;
        if (t == 0) return 0.5;
        if (t < 0) return 1 - upperTail(-t, nu);
        if (nu == Math.rint(nu) && nu <= MAX_SERIES_DF) {
            double tail = seriesTail(t, (int) nu);
            if (tail >= SERIES_FLOOR) return tail;
        }
        double t2 = t * t, x = nu / (nu + t2), oneMinusX = t2 / (nu + t2);
        double twice = 2 * nu;
        double logBeta = twice == Math.rint(twice) && twice < LOG_BETA_HALF.length ? LOG_BETA_HALF[(int) twice] : logBeta(nu / 2, 0.5);
        return 0.5 * betaRegularized(nu / 2, 0.5, x, oneMinusX, logBeta);
    }

    /**
     * P(T > t) for t > 0 and whole ν as ½·(1 − A(t|ν)), with θ = atan(t/√ν):
     * even ν: A = sin θ·(1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))cos^(ν−2)θ);
     * odd ν:  A = (2/π)·(θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))cos^(ν−2)θ)), the sum empty for ν = 1.
     */
    static double seriesTail(double t, int nu) {
        double cos2 = nu / (nu + t * t), sin = t / Math.sqrt(nu + t * t);
        double a;
        if (nu % 2 == 0) {
            double term = 1, sum = 1;
            for (int k = 2; k <= nu - 2; k += 2) {
                term *= cos2 * RATIO[k];
                sum += term;
            }
            a = sin * sum;
        } else {
            double sum = 0;
            if (nu > 1) {
                double term = Math.sqrt(cos2);
                sum = term;
                for (int k = 3; k <= nu - 2; k += 2) {
                    term *= cos2 * RATIO[k];
                    sum += term;
                }
            }
            a = 2 / Math.PI * (Math.atan(t / Math.sqrt(nu)) + sin * sum);
        }
        return 0.5 * (1 - a);
    }

    /**
     * I_x(a, b), given x and 1 − x (passed separately so that a small 1 − x keeps its digits) and
     * ln B(a, b).
     */
    static double betaRegularized(double a, double b, double x, double oneMinusX, double logBeta) {
        if (x <= 0) return 0;
        if (oneMinusX <= 0) return 1;
        double logFront = a * Math.log(x) + b * Math.log(oneMinusX) - logBeta;
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
