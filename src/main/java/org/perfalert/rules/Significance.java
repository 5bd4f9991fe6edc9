package org.perfalert.rules;

/**
 * The result of a one-sided significance test of this month against the `months` months before it
 * (CONTRACT.md 5). test is "poisson" (counts), "binomial" (rates with numerators and denominators)
 * or "sample" (anything else); needed is the z that kind of test must reach (significance.TEST in
 * settings.properties; NaN when the settings are not known). mean is what the evidence shows: the
 * earlier months' mean, or 100·p̄ for a rate.
 */
public record Significance(String test, int months, double mean, double z, double needed) {
    public String getTest() { return test; }
    public int getMonths() { return months; }
    public double getMean() { return mean; }
    public double getZ() { return z; }
    public double getNeeded() { return needed; }
    /** z reaches the z needed, upwards (inclusive). */
    public boolean isSignificantlyAbove() { return z >= needed; }
    /** z reaches the z needed, downwards (inclusive). */
    public boolean isSignificantlyBelow() { return z <= -needed; }
}
