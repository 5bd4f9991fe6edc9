package org.perfalert.rules;

import java.time.YearMonth;

/**
 * The significance tests of CONTRACT.md section 5, by kind of metric. Null means "no test". Months
 * are track indexes (see Track); the caller has checked that every month used has its figures.
 */
final class SignificanceTests {
    private SignificanceTests() { }

    /** v(M) against the `window` months before it, oldest first; needed: the z each kind must reach. */
    static Significance average(Track t, int at, int window, boolean counted, boolean rate, Needed needed) {
        int from = at - window;
        if (rate) {
            long num = 0, den = 0;
            for (int m = from; m < at; m++) { num += t.numerator(m); den += t.denominator(m); }
            if (den == 0) return null;
            double p = (double) num / den;
            long denM = t.denominator(at);
            if (p <= 0 || p >= 1 || denM == 0) return null;
            double pM = (double) t.numerator(at) / denM;
            return new Significance("binomial", window, 100 * p, (pM - p) / Math.sqrt(p * (1 - p) / denM), needed.z("binomial"));
        }
        double sum = 0;
        for (int m = from; m < at; m++) sum += t.value(m);
        double mean = sum / window, value = t.value(at);
        if (counted) {
            if (mean <= 0) return null;
            return new Significance("poisson", window, mean, (value - mean) / Math.sqrt(mean), needed.z("poisson"));
        }
        if (window < 2) return null;
        double squares = 0;
        for (int m = from; m < at; m++) squares += (t.value(m) - mean) * (t.value(m) - mean);
        double sd = Math.sqrt(squares / (window - 1));
        if (sd == 0) return null;
        return new Significance("sample", window, mean, (value - mean) / sd, needed.z("sample"));
    }

    static Benchmark countBenchmark(Series s, YearMonth base, int window, Needed needed) {
        Double now = s.rolling(s.getMonth(), window), then = s.rolling(base, window);
        if (now == null || then == null || then <= 0) return null;
        return new Benchmark("poisson", window, base, then, now, (now - then) / Math.sqrt(then), needed.z("poisson"));
    }

    /** Two-proportion z-test with the pooled proportion; the caller checked every fraction is there. */
    static Benchmark rateBenchmark(Track t, int at, YearMonth base, int window, Needed needed) {
        long n1 = 0, d1 = 0, n0 = 0, d0 = 0;
        int b = Track.index(base);
        for (int k = 0; k < window; k++) {
            n1 += t.numerator(at - k); d1 += t.denominator(at - k);
            n0 += t.numerator(b - k); d0 += t.denominator(b - k);
        }
        if (d1 == 0 || d0 == 0) return null;
        double p1 = (double) n1 / d1, p0 = (double) n0 / d0, pooled = (double) (n1 + n0) / (d1 + d0);
        if (pooled <= 0 || pooled >= 1) return null;
        double z = (p1 - p0) / Math.sqrt(pooled * (1 - pooled) * (1.0 / d1 + 1.0 / d0));
        return new Benchmark("binomial", window, base, 100 * p0, 100 * p1, z, needed.z("binomial"));
    }

    /** The z a kind of test must reach. */
    interface Needed {
        double z(String test);
    }
}
