package org.perfalert.bench.quality;

import java.util.SplittableRandom;

/** Random draws the simulated force needs: gamma factors with mean 1, Poisson counts, seed mixing. */
final class Draws {
    private static final double POISSON_PIECE = 30;

    private Draws() { }

    /** Gamma with mean 1 and variance alpha (shape 1/alpha); exactly 1 when alpha is 0. */
    static double gammaWithMeanOne(SplittableRandom r, double alpha) {
        return alpha <= 0 ? 1 : gamma(r, 1 / alpha) * alpha;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang's method (2000); shapes below 1 through Gamma(shape + 1)·U^(1/shape). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /**
     * Poisson(mean), exactly: a sum of independent Poisson draws of at most 30 each, each by counting
     * uniforms until their product falls below e^(−piece) (Knuth). Costs about mean draws.
     */
    static double poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        int pieces = (int) Math.ceil(mean / POISSON_PIECE);
        double piece = mean / pieces, limit = Math.exp(-piece);
        long count = 0;
        for (int p = 0; p < pieces; p++) {
            double product = r.nextDouble();
            while (product > limit) {
                count++;
                product *= r.nextDouble();
            }
        }
        return count;
    }

    /** A 64-bit mixing function (the finaliser of SplitMix64) to derive independent stream seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
