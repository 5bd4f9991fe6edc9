package org.perfalert.rules;

import java.time.YearMonth;

/**
 * The 12-month figure at M against the same figure at the benchmark month (the last March before M).
 * rolling and benchmark are totals for counts, percents for rates. test is "poisson" or "binomial".
 */
public record Benchmark(String test, YearMonth benchmarkMonth, double benchmark, double rolling, double z) {
    public String getTest() { return test; }
    public YearMonth getBenchmarkMonth() { return benchmarkMonth; }
    public double getBenchmark() { return benchmark; }
    public double getRolling() { return rolling; }
    public double getZ() { return z; }
}
