package org.perfalert.rules;

import java.time.YearMonth;
import java.util.List;

/** The significance tests of CONTRACT.md section 5, by kind of metric. Null means "no test". */
final class SignificanceTests {
    private SignificanceTests() { }

    static Significance average(Series s, List<YearMonth> earlier, boolean rate) {
        if (rate) {
            long num = 0, den = 0;
            for (YearMonth m : earlier) { num += s.numerator(m); den += s.denominator(m); }
            if (den == 0) return null;
            double p = (double) num / den;
            long denM = s.denominator(s.getMonth());
            if (p <= 0 || p >= 1 || denM == 0) return null;
            double pM = (double) s.numerator(s.getMonth()) / denM;
            return new Significance("binomial", 100 * p, (pM - p) / Math.sqrt(p * (1 - p) / denM));
        }
        double sum = 0;
        for (YearMonth m : earlier) sum += s.at(m);
        double mean = sum / earlier.size();
        if (s.isCounted()) {
            if (mean <= 0) return null;
            return new Significance("poisson", mean, (s.getValue() - mean) / Math.sqrt(mean));
        }
        if (earlier.size() < 2) return null;
        double squares = 0;
        for (YearMonth m : earlier) squares += (s.at(m) - mean) * (s.at(m) - mean);
        double sd = Math.sqrt(squares / (earlier.size() - 1));
        if (sd == 0) return null;
        return new Significance("sample", mean, (s.getValue() - mean) / sd);
    }

    static Benchmark countBenchmark(Series s, YearMonth base, int window) {
        Double now = s.rolling(s.getMonth(), window), then = s.rolling(base, window);
        if (now == null || then == null || then <= 0) return null;
        return new Benchmark("poisson", base, then, now, (now - then) / Math.sqrt(then));
    }

    /** Two-proportion z-test with the pooled proportion; the caller checked every fraction is there. */
    static Benchmark rateBenchmark(Series s, YearMonth base, int window) {
        long n1 = 0, d1 = 0, n0 = 0, d0 = 0;
        for (int k = 0; k < window; k++) {
            YearMonth m = s.getMonth().minusMonths(k), b = base.minusMonths(k);
            n1 += s.numerator(m); d1 += s.denominator(m);
            n0 += s.numerator(b); d0 += s.denominator(b);
        }
        if (d1 == 0 || d0 == 0) return null;
        double p1 = (double) n1 / d1, p0 = (double) n0 / d0, pooled = (double) (n1 + n0) / (d1 + d0);
        if (pooled <= 0 || pooled >= 1) return null;
        double z = (p1 - p0) / Math.sqrt(pooled * (1 - pooled) * (1.0 / d1 + 1.0 / d0));
        return new Benchmark("binomial", base, 100 * p0, 100 * p1, z);
    }
}
