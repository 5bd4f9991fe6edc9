package org.perfalert.rules;

import java.time.YearMonth;

/**
 * The `months`-month figure at M against the same figure at the benchmark month (the last March
 * before M). rolling and benchmark are totals for counts, percents for rates. test is "poisson" or
 * "binomial"; needed is the z that kind of test must reach (as in {@link Significance}).
 */
public record Benchmark(String test, int months, YearMonth benchmarkMonth, double benchmark, double rolling, double z,
                        double needed) {
    public String getTest() { return test; }
    public int getMonths() { return months; }
    public YearMonth getBenchmarkMonth() { return benchmarkMonth; }
    public double getBenchmark() { return benchmark; }
    public double getRolling() { return rolling; }
    public double getZ() { return z; }
    public double getNeeded() { return needed; }
    public boolean isSignificantlyAbove() { return z >= needed; }
    public boolean isSignificantlyBelow() { return z <= -needed; }
}
