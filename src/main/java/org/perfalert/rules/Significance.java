package org.perfalert.rules;

/**
 * The result of a one-sided significance test of this month against earlier months (CONTRACT.md 5).
 * test is "poisson" (counts), "binomial" (rates with numerators and denominators) or "sample"
 * (anything else); rules look up the z limit for each kind in the settings. mean is what the
 * evidence shows: the earlier months' mean, or 100·p̄ for a rate.
 */
public record Significance(String test, double mean, double z) {
    public String getTest() { return test; }
    public double getMean() { return mean; }
    public double getZ() { return z; }
}
