package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Table tests of the windows and statistics a rule reads from a Series (CONTRACT.md 5 and 5.1). */
class SeriesTest {
    static final YearMonth START = YearMonth.of(2020, 1);

    /** Values for consecutive months from January 2020, "_" for a missing month; M is the last. */
    static Series series(Unit unit, String values) {
        return series(unit, values, null, null);
    }

    static Series series(Unit unit, String values, String numerators, String denominators) {
        String[] vs = values.trim().split("\\s+");
        TreeMap<YearMonth, Double> v = new TreeMap<>();
        TreeMap<YearMonth, Long> n = new TreeMap<>(), d = new TreeMap<>();
        for (int i = 0; i < vs.length; i++) {
            YearMonth m = START.plusMonths(i);
            if (!vs[i].equals("_")) v.put(m, Double.parseDouble(vs[i]));
            if (numerators != null) {
                String num = numerators.trim().split("\\s+")[i], den = denominators.trim().split("\\s+")[i];
                if (!num.equals("_")) n.put(m, Long.parseLong(num));
                if (!den.equals("_")) d.put(m, Long.parseLong(den));
            }
        }
        Metric metric = new Metric("m", "Robbery", unit, Better.DOWN, "T", null, null, null);
        return new Series(metric, new Area(AreaType.FORCE, "F"), START.plusMonths(vs.length - 1), v, n, d);
    }

    static String repeat(String v, int times) { return (v + " ").repeat(times); }

    @ParameterizedTest(name = "{0}: high={1} low={2}")
    @CsvSource(delimiter = '|', value = {
            // the 11 months before M are all present; M strictly beats each
            "1 2 3 4 5 6 7 8 9 10 11 12      | true  | false | 11.0 | 1.0",
            "12 2 3 4 5 6 7 8 9 10 11 12     | false | false | 12.0 | 2.0",   // a tie is not above
            "1 2 3 4 5 _ 7 8 9 10 11 12      | false | false |      |",       // a gap in the window
            "2 3 4 5 6 7 8 9 10 11 12        | false | false |      |",       // only 10 earlier months
            "9 9 9 9 9 9 9 9 9 9 9 1         | false | true  | 9.0  | 9.0",
    })
    void twelveMonthHighAndLow(String values, boolean high, boolean low, Double prevMax, Double prevMin) {
        Series s = series(Unit.COUNT, values);
        assertThat(s.highestIn(12)).isEqualTo(high);
        assertThat(s.lowestIn(12)).isEqualTo(low);
        assertThat(s.previousMax(12)).isEqualTo(prevMax);
        assertThat(s.previousMin(12)).isEqualTo(prevMin);
    }

    @ParameterizedTest(name = "since of {0}")
    @CsvSource(delimiter = '|', value = {
            "20 _ 1 2 3 4 5 6 7 8 9 10 11 12 13 | 2020-01 |",           // looks past a gap
            "1 1 2 3 4 5 6 7 8 9 10 11 12 13    |         | 2021-01",    // highest on record
            "0 _ 5 5 5 5 5 5 5 5 5 5 5 5 1      | 2021-02 | 2020-01",    // lowest since a month before a gap
            "13 14 1 2 3 4 5 6 7 8 9 10 11 13   | 2020-02 | ",           // at least as high: a tie counts
    })
    void sinceLooksBackPastGaps(String values, String atLeast, String atMost) {
        Series s = series(Unit.COUNT, values);
        assertThat(s.sinceAtLeast()).isEqualTo(atLeast == null ? null : YearMonth.parse(atLeast));
        if (atMost != null) assertThat(s.sinceAtMost()).isEqualTo(YearMonth.parse(atMost));
    }

    @ParameterizedTest(name = "same month: {0} -> above {1}, below {2}")
    @CsvSource(delimiter = '|', value = {
            // values at M−36, M−24, M−12 and M (other months filled with 50)
            "10 | 20 | 30 | 40 | 3 | 0",
            "10 | 40 | 30 | 40 | 1 | 0",   // M−24 tied: stops there, K = 1
            "_  | 20 | 30 | 40 | 2 | 0",   // M−36 missing: stops, K = 2
            "90 | 80 | 70 | 60 | 0 | 3",
            "10 | 20 | _  | 40 | 0 | 0",   // M−12 missing
    })
    void sameMonthYears(String y3, String y2, String y1, String m, int above, int below) {
        StringBuilder sb = new StringBuilder();
        String[] yearly = {y3, y2, y1};
        for (String y : yearly) sb.append(y).append(' ').append(repeat("50", 11));
        sb.append(m);
        Series s = series(Unit.COUNT, sb.toString());
        assertThat(s.sameMonthYearsAbove()).isEqualTo(above);
        assertThat(s.sameMonthYearsBelow()).isEqualTo(below);
        if (above == 3) assertThat(s.sameMonthPrevious(3)).containsExactly(30.0, 20.0, 10.0);
    }

    @ParameterizedTest(name = "streak: last months {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "60 60 60 60 60 | 5",
            "60 10 60 60 60 | 3",   // a month not above breaks the run
            "60 60 _ 60 60  | 2",   // a missing month ends the run
            "50 60 60 60 60 | 4",   // a tie is not above
    })
    void sameMonthStreakAbove(String last, int n) {
        String[] lastMonths = last.trim().split("\\s+");
        // two years of 50s, then 7 months of 50s, then the 5 months given (M is the last)
        String values = repeat("50", 24 + 7) + String.join(" ", lastMonths);
        Series s = series(Unit.COUNT, values);
        assertThat(s.sameMonthStreakAbove()).isEqualTo(n);
        assertThat(s.sameMonthStreakBelow()).isZero();
    }

    @ParameterizedTest(name = "rolling: {0} -> rises {1}, falls {2}")
    @CsvSource(delimiter = '|', value = {
            "10 10 10 | 3 | 0",      // the 3 months ending at M each above the month 12 before: R rose 3 times
            "10 5 10  | 1 | 0",      // the middle one fell
            "1 1 1    | 0 | 3",
            "5 5 5    | 0 | 0",      // no change: ties break runs
    })
    void rollingStreaks(String last, int rises, int falls) {
        // 12 months of 5s, then 12 more 5s minus three, then the three given months
        String values = repeat("5", 12) + repeat("5", 9) + last;
        Series s = series(Unit.COUNT, values);
        assertThat(s.risingRollingMonths(12)).isEqualTo(rises);
        assertThat(s.fallingRollingMonths(12)).isEqualTo(falls);
    }

    @Test
    void rollingNeedsAllTwelveMonths() {
        Series s = series(Unit.COUNT, repeat("5", 5) + "_ " + repeat("5", 18) + "9");
        assertThat(s.rollingTotal(12)).isEqualTo(5.0 * 11 + 9);
        assertThat(s.rolling(YearMonth.of(2021, 1), 12)).isNull();     // its window includes the gap
        assertThat(s.yearOnYearChange(12)).isNull();
        assertThat(s.risingRollingMonths(12)).isEqualTo(1);                 // R(M−1) = R(M−2): a tie ends the run
    }

    @Test
    void yearOnYearChangeAndPercent() {
        Series s = series(Unit.COUNT, repeat("10", 12) + repeat("11", 12));
        assertThat(s.yearOnYearChange(12)).isEqualTo(12.0);
        assertThat(s.yearOnYearChangePct(12)).isCloseTo(10.0, within(1e-9));
        Series zero = series(Unit.COUNT, repeat("0", 12) + repeat("1", 12));
        assertThat(zero.yearOnYearChange(12)).isEqualTo(12.0);
        assertThat(zero.yearOnYearChangePct(12)).isNull();
    }

    @Test
    void countAverageIsPoisson() {
        Series s = series(Unit.COUNT, "8 12 8 12 8 12 8 12 8 12 8 12 16");
        Significance t = s.averageTest(12);
        assertThat(t.test()).isEqualTo("poisson");
        assertThat(t.mean()).isEqualTo(10.0);
        assertThat(t.z()).isCloseTo(6 / Math.sqrt(10), within(1e-12));
        assertThat(series(Unit.COUNT, repeat("0", 12) + "3").averageTest(12)).isNull();    // μ = 0: no test
        assertThat(series(Unit.COUNT, "8 12 _ 12 8 12 8 12 8 12 8 12 16").averageTest(12)).isNull();
    }

    @Test
    void rateAverageIsBinomialWithMeanAsPercent() {
        String values = repeat("10", 12) + "20";
        String num = repeat("10", 12) + "20", den = repeat("100", 13);
        Significance t = series(Unit.PERCENT, values, num, den).averageTest(12);
        assertThat(t.test()).isEqualTo("binomial");
        assertThat(t.mean()).isCloseTo(10.0, within(1e-12));
        assertThat(t.z()).isCloseTo((0.2 - 0.1) / Math.sqrt(0.1 * 0.9 / 100), within(1e-12));
        // p̄ = 0: no test
        assertThat(series(Unit.PERCENT, repeat("0", 12) + "5", repeat("0", 12) + "5", repeat("100", 13)).averageTest(12)).isNull();
        // p̄ = 1: no test
        assertThat(series(Unit.PERCENT, repeat("100", 12) + "5", repeat("100", 12) + "5", repeat("100", 13)).averageTest(12)).isNull();
    }

    @Test
    void percentWithoutAFractionInEveryMonthUsesTheSampleTest() {
        String values = "9 11 9 11 9 11 9 11 9 11 9 11 14";
        String num = "_ " + repeat("10", 12), den = "_ " + repeat("100", 12);
        Significance t = series(Unit.PERCENT, values, num, den).averageTest(12);
        assertThat(t.test()).isEqualTo("sample");
        double sd = Math.sqrt(12.0 / 11.0);
        assertThat(t.mean()).isEqualTo(10.0);
        assertThat(t.z()).isCloseTo(4 / sd, within(1e-12));
        assertThat(series(Unit.MINUTES, repeat("7", 12) + "9").averageTest(12)).isNull(); // sd = 0: no test
        assertThat(series(Unit.NUMBER, values).averageTest(12).test()).isEqualTo("sample");
    }

    @ParameterizedTest(name = "benchmark month of {0} is {1}")
    @CsvSource({"2021-03, 2020-03", "2021-04, 2021-03", "2021-01, 2020-03", "2021-12, 2021-03"})
    void benchmarkMonthIsTheLastMarchBeforeM(String month, String march) {
        int months = (int) (YearMonth.parse(month).getYear() * 12L + YearMonth.parse(month).getMonthValue() - 1
                - (START.getYear() * 12L + START.getMonthValue() - 1)) + 1;
        assertThat(series(Unit.COUNT, repeat("1", months)).getBenchmarkMonth()).isEqualTo(YearMonth.parse(march));
    }

    @Test
    void countBenchmarkIsPoissonOnRollingTotals() {
        // 2020-01 .. 2021-06: base is 2021-03; R(2021-03) = 2020-04..2021-03, R(2021-06) = 2020-07..2021-06
        String values = repeat("10", 15) + "40 40 40";
        Benchmark b = series(Unit.COUNT, values).benchmarkTest(12);
        assertThat(b.benchmarkMonth()).isEqualTo(YearMonth.of(2021, 3));
        assertThat(b.benchmark()).isEqualTo(120.0);
        assertThat(b.rolling()).isEqualTo(210.0);
        assertThat(b.z()).isCloseTo(90 / Math.sqrt(120), within(1e-12));
        assertThat(series(Unit.COUNT, repeat("0", 15) + "4 4 4").benchmarkTest(12)).isNull(); // R(base) = 0
        assertThat(series(Unit.COUNT, repeat("10", 4) + "_ " + repeat("10", 10) + "40 40 40").benchmarkTest(12)).isNull(); // R(base) lacks a month
    }

    @Test
    void rateBenchmarkIsTheTwoProportionTest() {
        String values = repeat("10", 15) + "20 20 20";
        String num = repeat("10", 15) + "20 20 20", den = repeat("100", 18);
        Benchmark b = series(Unit.PERCENT, values, num, den).benchmarkTest(12);
        double n1 = 90 + 60, d1 = 1200, n0 = 120, d0 = 1200, p1 = n1 / d1, p0 = n0 / d0, p = (n1 + n0) / (d1 + d0);
        assertThat(b.test()).isEqualTo("binomial");
        assertThat(b.rolling()).isCloseTo(100 * p1, within(1e-12));
        assertThat(b.benchmark()).isCloseTo(100 * p0, within(1e-12));
        assertThat(b.z()).isCloseTo((p1 - p0) / Math.sqrt(p * (1 - p) * (1 / d1 + 1 / d0)), within(1e-12));
        // a month without its fraction: no test; neither count nor rate: not evaluated
        assertThat(series(Unit.PERCENT, values, repeat("10", 5) + "_ " + repeat("10", 9) + "20 20 20", den).benchmarkTest(12)).isNull();
        assertThat(series(Unit.MINUTES, values).benchmarkTest(12)).isNull();
    }

    @Test
    void xmrChartUsesTheLongestRunEndingAtM() {
        assertThat(series(Unit.COUNT, repeat("5", 11) + "6").xmr(24, 12, 3.267, 2.66)).isNotNull();
        assertThat(series(Unit.COUNT, repeat("5", 11) + "_ " + repeat("5", 10) + "6").xmr(24, 12, 3.267, 2.66)).isNull();
        XmrChart c = series(Unit.COUNT, repeat("5", 30) + "6").xmr(24, 12, 3.267, 2.66);
        assertThat(c.getSize()).isEqualTo(24);
    }

    @Test
    void xmrLimitsScreenLargeMovingRangesOnce() {
        // 11 alternating 10/12 then 30: ranges are 2 (×10) and 18; MR̄ = 38/11; 18 ≥ 3.267·MR̄ → screened → MR̄ = 2
        XmrChart c = new XmrChart(List.of(10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 30.0), 3.267, 2.66);
        double mean = (5 * 10 + 5 * 12 + 10 + 30) / 12.0;
        assertThat(c.getMean()).isCloseTo(mean, within(1e-12));
        assertThat(c.getMovingRange()).isCloseTo(2.0, within(1e-12));
        assertThat(c.getUpper()).isCloseTo(mean + 2.66 * 2, within(1e-12));
        assertThat(c.isAboveUpper()).isTrue();
        XmrChart flat = new XmrChart(List.of(5.0, 5.0, 5.0), 3.267, 2.66);
        assertThat(flat.getMovingRange()).isZero();
        assertThat(flat.isAboveUpper()).isFalse();
    }

    @ParameterizedTest(name = "{0}: shift {1}, trend {2}")
    @CsvSource(delimiter = '|', value = {
            "1 1 1 1 1 1 1 9 9 9 9 9 9 9          | 7 | 1",
            "1 2 3 4 5 6 7                        | 3 | 7",
            "1 2 3 4 4 5 6                        | 4 | 3",   // a tie breaks the trend
            "7 6 5 4 3 2 1                        | 3 | 7",
    })
    void shiftAndTrendRuns(String values, int shift, int trend) {
        XmrChart c = new XmrChart(java.util.Arrays.stream(values.trim().split("\\s+")).map(Double::valueOf).toList(), 3.267, 2.66);
        assertThat(c.getShiftRun()).isEqualTo(shift);
        assertThat(c.getTrendRun()).isEqualTo(trend);
    }

    @ParameterizedTest(name = "two of three: last {0} -> side {1}")
    @CsvSource(delimiter = '|', value = {
            "28 12 28    | 1",     // M and M−2 beyond the upper band, within the limits
            "0 24 24     | 1",     // M and M−1
            "24 24 6     | 0",     // M itself is not beyond the band
            "24 0 24     | 0",     // the wider moving ranges push the band past 24
            "-24 -24 -24 | -1",    // three of three also fires
    })
    void twoOfThree(String last, int side) {
        List<Double> points = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) { points.add(6.0); points.add(-6.0); }
        for (String v : last.trim().split("\\s+")) points.add(Double.valueOf(v));
        XmrChart c = new XmrChart(points, 3.267, 2.66);
        double mean = points.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(c.getMean()).isCloseTo(mean, within(1e-12));
        assertThat(c.getTwoOfThreeSide()).isEqualTo(side);
        if (side != 0) assertThat(c.band(side)).isCloseTo(mean + side * 2.0 / 3 * 2.66 * c.getMovingRange(), within(1e-12));
    }
}
