package org.perfalert.rules;

import org.perfalert.model.Area;
import org.perfalert.model.AreaType;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final Track track;
    private final int at; // the month index of M: later months do not exist for this fact
    // results the rules ask for more than once (a "from" per rule, above and below): worked out once
    private final Object[] memo = new Object[MEMO_SLOTS];
    private static final int AVERAGE = 0, BENCHMARK = 4, XMR = 6, RISING = 8, FALLING = 10, YEAR_ON_YEAR = 12, MEMO_SLOTS = 14;
    private static final Object NONE = new Object();

    /** The maps hold months up to M only, and must hold M. */
    public Series(Metric metric, Area place, YearMonth month, NavigableMap<YearMonth, Double> values,
                  NavigableMap<YearMonth, Long> numerators, NavigableMap<YearMonth, Long> denominators) {
        this(metric, place, month, trackOf(month, values, numerators, denominators));
    }

    /** M's facts over a series' track (shared, not copied: months after M are never read). */
    Series(Metric metric, Area place, YearMonth month, Track track) {
        this.at = Track.index(month);
        if (!track.has(at)) throw new IllegalArgumentException("no value for " + month);
        this.metric = metric;
        this.place = place;
        this.month = month;
        this.track = track;
    }

    private static Track trackOf(YearMonth month, NavigableMap<YearMonth, Double> values,
                                 NavigableMap<YearMonth, Long> numerators, NavigableMap<YearMonth, Long> denominators) {
        Track t = new Track();
        values.headMap(month, true).forEach((m, v) -> t.put(Track.index(m), v, numerators.get(m), denominators.get(m)));
        return t;
    }

    /** A remembered result for (slot, key), or null when not worked out yet (NONE stands for a null result). */
    private Object recall(int slot, int key) {
        for (int i = slot; i < slot + 2 * pairs(slot); i += 2) if (memo[i] != null && (Integer) memo[i] == key) return memo[i + 1];
        return null;
    }

    private <T> T remember(int slot, int key, T result) {
        int i = slot;
        for (int j = slot; j < slot + 2 * pairs(slot); j += 2) if (memo[j] == null) { i = j; break; }
        memo[i] = key;
        memo[i + 1] = result == null ? NONE : result;
        return result;
    }

    /** The averages are asked for two windows (1 and 3 years); everything else for one. */
    private static int pairs(int slot) { return slot == AVERAGE ? 2 : 1; }

    @SuppressWarnings("unchecked")
    private static <T> T recalled(Object o) { return o == NONE ? null : (T) o; }

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
    public double getValue() { return track.value(at); }
    /** v(m), or null when m has no value (or is after M). */
    public Double at(YearMonth m) { return valueAt(Track.index(m)); }
    /** v(M − k). */
    public Double monthsAgo(int k) { return valueAt(at - k); }

    private Double valueAt(int i) {
        if (i > at) return null;
        double v = track.value(i);
        return Double.isNaN(v) ? null : v;
    }

    private boolean has(int i) { return i <= at && track.has(i); }

    // --- twelve-month high / low ----------------------------------------------------------------
    /** The largest value of the n − 1 months before M, or null when one of them is missing. */
    public Double previousMax(int n) { return previousExtreme(n, true); }
    public Double previousMin(int n) { return previousExtreme(n, false); }

    private Double previousExtreme(int n, boolean max) {
        if (n < 2) return null;
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            double v = track.value(at - k);
            if (Double.isNaN(v)) return null;
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    /** v(M) is strictly above each of the n − 1 months before it (all present). */
    public boolean highestIn(int n) { Double p = previousMax(n); return p != null && getValue() > p; }
    public boolean lowestIn(int n) { Double p = previousMin(n); return p != null && getValue() < p; }

    /** The latest earlier month with a value at least as high as v(M) (looking past gaps), or null. */
    public YearMonth sinceAtLeast() { return since(true); }
    public YearMonth sinceAtMost() { return since(false); }

    private YearMonth since(boolean atLeast) {
        double v = getValue();
        for (int i = at - 1; i >= track.first(); i--) {
            double x = track.value(i);
            if (!Double.isNaN(x) && (atLeast ? x >= v : x <= v)) return Track.month(i);
        }
        return null;
    }

    // --- same month of earlier years ------------------------------------------------------------
    /** K: how many years back from M − 12, one at a time, the same month is strictly below v(M). */
    public int sameMonthYearsAbove() { return sameMonthYears(true); }
    public int sameMonthYearsBelow() { return sameMonthYears(false); }

    private int sameMonthYears(boolean above) {
        double value = getValue();
        int k = 0;
        while (true) {
            double v = track.value(at - 12 * (k + 1));
            if (Double.isNaN(v) || (above ? !(value > v) : !(value < v))) return k;
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
        for (int m = at; ; m--) {
            double v = track.value(m), a = track.value(m - 12), b = track.value(m - 24);
            if (Double.isNaN(v) || Double.isNaN(a) || Double.isNaN(b)) return n;
            boolean beats = above ? v > a && v > b : v < a && v < b;
            if (!beats) return n;
            n++;
        }
    }

    // --- rolling totals -------------------------------------------------------------------------
    /** R(end): the sum of the n months ending at end, or null when one is missing. */
    public Double rolling(YearMonth end, int n) { return rollingAt(Track.index(end), n); }

    private Double rollingAt(int end, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (!has(end - k)) return null;
            sum += track.value(end - k);
        }
        return sum;
    }

    /** R(M). */
    public Double rollingTotal(int n) { return rollingAt(at, n); }

    /** N: the number of months m ending at M with R(m) strictly above R(m − 1). */
    public int risingRollingMonths(int n) { return rollingStreak(n, true); }
    public int fallingRollingMonths(int n) { return rollingStreak(n, false); }

    private int rollingStreak(int n, boolean rising) {
        int slot = rising ? RISING : FALLING;
        Object known = recall(slot, n);
        if (known != null) return (Integer) known;
        int count = 0;
        Double later = rollingAt(at, n);
        for (int m = at - 1; later != null; m--) {
            Double earlier = rollingAt(m, n);
            if (earlier == null || (rising ? !(later > earlier) : !(later < earlier))) break;
            count++;
            later = earlier;
        }
        return remember(slot, n, count);
    }

    /** Y = R(M) − R(M − 12), or null when either total lacks a month. */
    public Double yearOnYearChange(int n) {
        Object known = recall(YEAR_ON_YEAR, n);
        if (known != null) return recalled(known);
        Double now = rollingAt(at, n), before = rollingAt(at - 12, n);
        return remember(YEAR_ON_YEAR, n, now == null || before == null ? null : now - before);
    }

    /** 100 · Y / R(M − 12), or null when it cannot be computed or R(M − 12) is 0. */
    public Double yearOnYearChangePct(int n) {
        Double change = yearOnYearChange(n), before = rollingAt(at - 12, n);
        return change == null || before == 0 ? null : 100 * change / before;
    }

    // --- significance ---------------------------------------------------------------------------
    /** The `earlier` months before M, oldest first, or null when one of them has no value. */
    private List<YearMonth> window(int earlier) {
        List<YearMonth> ms = new ArrayList<>();
        for (int k = earlier; k >= 1; k--) {
            if (!has(at - k)) return null;
            ms.add(Track.month(at - k));
        }
        return ms;
    }

    /** A rate: not a count, with a numerator and a denominator in every month given and in M. */
    private boolean rateOver(List<YearMonth> months) {
        if (isCounted()) return false;
        for (YearMonth m : months) if (!hasFraction(Track.index(m))) return false;
        return hasFraction(at);
    }

    private boolean hasFraction(int m) { return m <= at && track.numerator(m) != Track.MISSING && track.denominator(m) != Track.MISSING; }

    /** v(M) against the `window` months before it (all present), or null when there is no test. */
    public Significance averageTest(int window) {
        Object known = recall(AVERAGE, window);
        if (known != null) return recalled(known);
        List<YearMonth> earlier = window(window);
        if (earlier == null || earlier.isEmpty()) return remember(AVERAGE, window, null);
        return remember(AVERAGE, window, SignificanceTests.average(this, earlier, rateOver(earlier)));
    }

    long numerator(YearMonth m) { return track.numerator(Track.index(m)); }
    long denominator(YearMonth m) { return track.denominator(Track.index(m)); }

    /** The last March strictly before M. */
    public YearMonth getBenchmarkMonth() {
        YearMonth march = YearMonth.of(month.getYear(), Month.MARCH);
        return march.isBefore(month) ? march : march.minusYears(1);
    }

    /** The `window`-month figure at M against the same at the benchmark month, or null when there is no test. */
    public Benchmark benchmarkTest(int window) {
        Object known = recall(BENCHMARK, window);
        if (known != null) return recalled(known);
        YearMonth base = getBenchmarkMonth();
        if (isCounted()) return remember(BENCHMARK, window, SignificanceTests.countBenchmark(this, base, window));
        int b = Track.index(base);
        for (int k = 0; k < window; k++)
            if (!hasFraction(at - k) || !hasFraction(b - k)) return remember(BENCHMARK, window, null);
        return remember(BENCHMARK, window, SignificanceTests.rateBenchmark(this, base, window));
    }

    // --- statistical process control -------------------------------------------------------------
    private double[] xmrKey;

    /**
     * The XmR chart over the longest run of consecutive months ending at M, cut to its last maxPoints,
     * or null when the run is shorter than minPoints.
     */
    public XmrChart xmr(int maxPoints, int minPoints, double screen, double sigma) {
        double[] key = {maxPoints, minPoints, screen, sigma};
        if (xmrKey != null && Arrays.equals(key, xmrKey)) return recalled(memo[XMR + 1]);
        int from = at;
        while (at - from + 1 < maxPoints && has(from - 1)) from--;
        List<Double> run = new ArrayList<>(at - from + 1);
        for (int m = from; m <= at; m++) run.add(track.value(m));
        xmrKey = key;
        memo[XMR] = 0;
        XmrChart chart = run.size() < minPoints ? null : new XmrChart(run, screen, sigma);
        memo[XMR + 1] = chart == null ? NONE : chart;
        return chart;
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
