package org.perfalert.samples;

import java.util.SplittableRandom;

/**
 * Seeded random draws for the synthetic board measures. Only SplittableRandom's nextDouble() is used, and every
 * distribution is built here from it (not from the JDK's nextGaussian, whose algorithm may change between
 * versions), so the same seed writes the same file on any Java 17+.
 */
final class Draws {
    private final SplittableRandom random;

    /** One stream per name (a series and month): adding a measure or planting a change moves no other figure. */
    Draws(long seed, String name) {
        this.random = new SplittableRandom(seed ^ (31L * name.hashCode()));
    }

    double uniform() { return random.nextDouble(); }

    /** Standard normal (Box–Muller). */
    double normal() {
        double u = 1.0 - uniform();  // in (0, 1]: the log is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    }

    /** Gamma with the given shape and scale 1 (Marsaglia and Tsang; shape below 1 by the boost U^(1/shape)). */
    double gamma(double shape) {
        if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(), v = Math.pow(1 + c * x, 3);
            if (v <= 0) continue;
            double u = uniform();
            if (Math.log(u) < x * x / 2 + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /**
     * Poisson by the multiplication method, in pieces of mean at most 25 (a sum of independent Poisson counts is
     * Poisson with the summed mean): exact at any mean, and e^-mean never underflows.
     */
    long poisson(double mean) {
        long total = 0;
        for (double left = mean; left > 0; left -= 25) {
            double limit = Math.exp(-Math.min(left, 25)), product = uniform();
            while (product > limit) { total++; product *= uniform(); }
        }
        return total;
    }

    /** A count with the given mean and variance phi × mean (phi ≥ 1): Poisson mixed over a gamma, i.e. negative binomial. */
    long overdispersed(double mean, double phi) {
        if (phi <= 1) return poisson(mean);
        double shape = mean / (phi - 1);
        return poisson(gamma(shape) * (phi - 1));
    }

    /** How many of n trials succeed, each with probability p. */
    long binomial(long n, double p) {
        long k = 0;
        for (long i = 0; i < n; i++) if (uniform() < p) k++;
        return k;
    }
}
