package org.perfalert.rules;

import org.perfalert.model.Area;
import org.perfalert.model.AreaType;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * One metric in one area, as seen at the month evaluated (M): its values (and the numerators and
 * denominators behind a rate) for M and every earlier month, with the windows and statistics the
 * rules ask about. A fact for the rules: plain, read-only, no I/O. Every method that needs a month
 * that is missing answers null (or false / 0), so a rule that lacks its history does not fire.
 */
public final class Series {
    private final Metric metric;
    private final Area place;
    private final YearMonth month;
    private final NavigableMap<YearMonth, Double> values;
    private final NavigableMap<YearMonth, Long> numerators;
    private final NavigableMap<YearMonth, Long> denominators;

    /** The maps hold months up to M only, and must hold M. */
    public Series(Metric metric, Area place, YearMonth month, NavigableMap<YearMonth, Double> values,
                  NavigableMap<YearMonth, Long> numerators, NavigableMap<YearMonth, Long> denominators) {
        if (!values.containsKey(month)) throw new IllegalArgumentException("no value for " + month);
        this.metric = metric;
        this.place = place;
        this.month = month;
        this.values = values.headMap(month, true);
        this.numerators = numerators.headMap(month, true);
        this.denominators = denominators.headMap(month, true);
    }

    // --- who and when -------------------------------------------------------------------------
    public Metric getMetric() { return metric; }
    public String getMetricId() { return metric.id(); }
    public String getLabel() { return metric.label(); }
    public AreaType getLevel() { return place.type(); }
    public String getArea() { return place.name(); }
    public Area getPlace() { return place; }
    public YearMonth getMonth() { return month; }
    /** True for count metrics (unit: count). */
    public boolean isCounted() { return metric.unit() == Unit.COUNT; }
    public Double getThresholdAbove() { return metric.thresholdAbove(); }
    public Double getThresholdBelow() { return metric.thresholdBelow(); }

    // --- values -------------------------------------------------------------------------------
    /** v(M). */
    public double getValue() { return values.get(month); }
    /** v(m), or null when m has no value (or is after M). */
    public Double at(YearMonth m) { return values.get(m); }
    /** v(M − k). */
    public Double monthsAgo(int k) { return values.get(month.minusMonths(k)); }

    // --- twelve-month high / low ----------------------------------------------------------------
    /** The largest value of the n − 1 months before M, or null when one of them is missing. */
    public Double previousMax(int n) { return previousExtreme(n, true); }
    public Double previousMin(int n) { return previousExtreme(n, false); }

    private Double previousExtreme(int n, boolean max) {
        if (n < 2) return null;
        Double best = null;
        for (int k = 1; k < n; k++) {
            Double v = monthsAgo(k);
            if (v == null) return null;
            best = best == null ? v : max ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    /** v(M) is strictly above each of the n − 1 months before it (all present). */
    public boolean highestIn(int n) { Double p = previousMax(n); return p != null && getValue() > p; }
    public boolean lowestIn(int n) { Double p = previousMin(n); return p != null && getValue() < p; }

    /** The latest earlier month with a value at least as high as v(M) (looking past gaps), or null. */
    public YearMonth sinceAtLeast() {
        for (var e : values.headMap(month, false).descendingMap().entrySet())
            if (e.getValue() >= getValue()) return e.getKey();
        return null;
    }

    public YearMonth sinceAtMost() {
        for (var e : values.headMap(month, false).descendingMap().entrySet())
            if (e.getValue() <= getValue()) return e.getKey();
        return null;
    }

    // --- same month of earlier years ------------------------------------------------------------
    /** K: how many years back from M − 12, one at a time, the same month is strictly below v(M). */
    public int sameMonthYearsAbove() { return sameMonthYears(true); }
    public int sameMonthYearsBelow() { return sameMonthYears(false); }

    private int sameMonthYears(boolean above) {
        int k = 0;
        while (true) {
            Double v = monthsAgo(12 * (k + 1));
            if (v == null || (above ? !(getValue() > v) : !(getValue() < v))) return k;
            k++;
        }
    }

    /** The same month in each of the k previous years, newest first (null where missing). */
    public List<Double> sameMonthPrevious(int k) {
        List<Double> out = new ArrayList<>();
        for (int y = 1; y <= k; y++) out.add(monthsAgo(12 * y));
        return out;
    }

    /** N: the number of months ending at M in which v(m) is strictly above both v(m − 12) and v(m − 24). */
    public int sameMonthStreakAbove() { return sameMonthStreak(true); }
    public int sameMonthStreakBelow() { return sameMonthStreak(false); }

    private int sameMonthStreak(boolean above) {
        int n = 0;
        for (YearMonth m = month; ; m = m.minusMonths(1)) {
            Double v = values.get(m), a = values.get(m.minusMonths(12)), b = values.get(m.minusMonths(24));
            if (v == null || a == null || b == null) return n;
            boolean beats = above ? v > a && v > b : v < a && v < b;
            if (!beats) return n;
            n++;
        }
    }

    // --- rolling totals -------------------------------------------------------------------------
    /** R(end): the sum of the n months ending at end, or null when one is missing. */
    public Double rolling(YearMonth end, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            Double v = values.get(end.minusMonths(k));
            if (v == null) return null;
            sum += v;
        }
        return sum;
    }

    /** R(M). */
    public Double rollingTotal(int n) { return rolling(month, n); }

    /** N: the number of months m ending at M with R(m) strictly above R(m − 1). */
    public int risingRollingMonths(int n) { return rollingStreak(n, true); }
    public int fallingRollingMonths(int n) { return rollingStreak(n, false); }

    private int rollingStreak(int n, boolean rising) {
        int count = 0;
        Double later = rolling(month, n);
        for (YearMonth m = month.minusMonths(1); later != null; m = m.minusMonths(1)) {
            Double earlier = rolling(m, n);
            if (earlier == null || (rising ? !(later > earlier) : !(later < earlier))) break;
            count++;
            later = earlier;
        }
        return count;
    }

    /** Y = R(M) − R(M − 12), or null when either total lacks a month. */
    public Double yearOnYearChange(int n) {
        Double now = rolling(month, n), before = rolling(month.minusMonths(12), n);
        return now == null || before == null ? null : now - before;
    }

    /** 100 · Y / R(M − 12), or null when it cannot be computed or R(M − 12) is 0. */
    public Double yearOnYearChangePct(int n) {
        Double change = yearOnYearChange(n), before = rolling(month.minusMonths(12), n);
        return change == null || before == 0 ? null : 100 * change / before;
    }

    // --- significance ---------------------------------------------------------------------------
    /** The `earlier` months before M, oldest first, or null when one of them has no value. */
    private List<YearMonth> window(int earlier) {
        List<YearMonth> ms = new ArrayList<>();
        for (int k = earlier; k >= 1; k--) {
            YearMonth m = month.minusMonths(k);
            if (!values.containsKey(m)) return null;
            ms.add(m);
        }
        return ms;
    }

    /** A rate: not a count, with a numerator and a denominator in every month given and in M. */
    private boolean rateOver(List<YearMonth> months) {
        if (isCounted()) return false;
        for (YearMonth m : months) if (!hasFraction(m)) return false;
        return hasFraction(month);
    }

    private boolean hasFraction(YearMonth m) { return numerators.get(m) != null && denominators.get(m) != null; }

    /** v(M) against the `window` months before it (all present), or null when there is no test. */
    public Significance averageTest(int window) {
        List<YearMonth> earlier = window(window);
        if (earlier == null || earlier.isEmpty()) return null;
        return SignificanceTests.average(this, earlier, rateOver(earlier));
    }

    long numerator(YearMonth m) { return numerators.get(m); }
    long denominator(YearMonth m) { return denominators.get(m); }

    /** The last March strictly before M. */
    public YearMonth getBenchmarkMonth() {
        YearMonth march = YearMonth.of(month.getYear(), Month.MARCH);
        return march.isBefore(month) ? march : march.minusYears(1);
    }

    /** The `window`-month figure at M against the same at the benchmark month, or null when there is no test. */
    public Benchmark benchmarkTest(int window) {
        YearMonth base = getBenchmarkMonth();
        if (isCounted()) return SignificanceTests.countBenchmark(this, base, window);
        List<YearMonth> used = new ArrayList<>();
        for (int k = 0; k < window; k++) { used.add(month.minusMonths(k)); used.add(base.minusMonths(k)); }
        for (YearMonth m : used) if (!hasFraction(m)) return null;
        return SignificanceTests.rateBenchmark(this, base, window);
    }

    // --- statistical process control -------------------------------------------------------------
    /**
     * The XmR chart over the longest run of consecutive months ending at M, cut to its last maxPoints,
     * or null when the run is shorter than minPoints.
     */
    public XmrChart xmr(int maxPoints, int minPoints, double screen, double sigma) {
        List<Double> run = new ArrayList<>();
        for (YearMonth m = month; run.size() < maxPoints && values.containsKey(m); m = m.minusMonths(1))
            run.add(0, values.get(m));
        return run.size() < minPoints ? null : new XmrChart(run, screen, sigma);
    }

    // --- what a rule reports ---------------------------------------------------------------------
    /** Evidence that starts with this month's value. */
    public Evidence evidence() { return new Evidence().put("value", getValue()); }

    /** v(M) written for a reader: 8.2%, 1,234, 12.5 minutes. */
    public String getValueText() { return Wording.value(metric, getValue()); }

    /** Another number in this metric's unit, written for a reader. */
    public String format(double v) { return Wording.value(metric, v); }

    /** "Robbery 8 in March 2021: " + what; a district or area goes first: "Fenland – Robbery 8 in ...". */
    public String headline(String what) {
        String who = place.type() == AreaType.FORCE ? getLabel() : place.name() + " \u2013 " + getLabel();
        return who + " " + getValueText() + " in " + Wording.month(month) + ": " + what;
    }

    /** "Robbery in Fenland" for a district or area, the label alone for the force. */
    public String getLabelInArea() {
        return place.type() == AreaType.FORCE ? getLabel() : getLabel() + " in " + place.name();
    }

    @Override
    public String toString() { return metric.id() + " " + place + " " + month; }
}
