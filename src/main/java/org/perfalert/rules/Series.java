package org.perfalert.rules;

import org.perfalert.model.Area;
import org.perfalert.model.AreaType;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;
import org.perfalert.rules.calibration.Figure;

import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One metric in one area, as seen at the month evaluated (M): its values (and the numerators and
 * denominators behind a rate) for M and every earlier month, with the windows and statistics the
 * rules ask about. A fact for the rules: plain, read-only, no I/O. Every method that needs a month
 * that is missing answers null (or false / 0), so a rule that lacks its history does not fire.
 * <p>
 * The questions the standard rules ask are properties with their windows taken from the settings
 * (previousMax, yearOnYearChange, average1yr, chart …, see {@link SeriesSettings}); each is worked
 * out the first time a rule asks and remembered, as a fact lives for one evaluation. The same
 * questions with a window of the rule's choosing (previousMax(n), averageTest(n) …) are methods.
 * What a run works out once for all series (the settings, and the calibrated statistic of each
 * figure) reaches a Series when SeriesBuilder.seriesAt makes it.
 */
public final class Series {
    private final Metric metric;
    private final Area place;
    private final YearMonth month;
    private final Track track;
    private final int at; // the month index of M: later months do not exist for this fact
    private final SeriesSettings settings;
    private final Figure calibration;   // null when made without the rule pack's settings

    // Answers remembered: the rules ask most questions more than once (above and below, in the
    // condition and in the headline), so each is worked out the first time and kept. A bit per
    // question says which are known, as an answer may be null.
    private static final int PREVIOUS_MAX = 1, PREVIOUS_MIN = 1 << 1, RISING = 1 << 2, FALLING = 1 << 3, YEAR_ON_YEAR = 1 << 4,
            AVERAGE_1YR = 1 << 5, AVERAGE_3YR = 1 << 6, BENCHMARK = 1 << 7, CHART = 1 << 8;
    private int asked;
    private Double previousMax, previousMin, yearOnYearChange;
    private int risingRollingMonths, fallingRollingMonths;
    private Significance average1yr, average3yr;
    private Benchmark benchmark;
    private XmrChart chart;

    /** The maps hold months up to M only, and must hold M. Its settings are unknown: ask with explicit windows. */
    public Series(Metric metric, Area place, YearMonth month, NavigableMap<YearMonth, Double> values,
                  NavigableMap<YearMonth, Long> numerators, NavigableMap<YearMonth, Long> denominators) {
        this(metric, place, month, trackOf(month, values, numerators, denominators), SeriesSettings.NONE, null);
    }

    /** M's facts over a series' track (shared, not copied: months after M are never read), with its calibration at M. */
    Series(Metric metric, Area place, YearMonth month, Track track, SeriesSettings settings, Figure calibration) {
        this.at = Track.index(month);
        if (!track.has(at)) throw new IllegalArgumentException("no value for " + month);
        this.metric = metric;
        this.place = place;
        this.month = month;
        this.track = track;
        this.settings = settings;
        this.calibration = calibration;
    }

    private static Track trackOf(YearMonth month, NavigableMap<YearMonth, Double> values,
                                 NavigableMap<YearMonth, Long> numerators, NavigableMap<YearMonth, Long> denominators) {
        Track t = new Track();
        values.headMap(month, true).forEach((m, v) -> t.put(Track.index(m), v, numerators.get(m), denominators.get(m)));
        return t;
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
    /** The largest value of the twelve-month.months − 1 months before M, or null when one is missing. */
    public Double getPreviousMax() {
        if (firstAsked(PREVIOUS_MAX)) previousMax = previousMax(settings.twelveMonthMonths());
        return previousMax;
    }

    /** The smallest value of the twelve-month.months − 1 months before M, or null when one is missing. */
    public Double getPreviousMin() {
        if (firstAsked(PREVIOUS_MIN)) previousMin = previousMin(settings.twelveMonthMonths());
        return previousMin;
    }

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

    /** The first month of the series' figures (what "on record" reaches back to). */
    public YearMonth getFirstMonth() {
        for (int i = track.first(); i < at; i++) if (!Double.isNaN(track.value(i))) return Track.month(i);
        return month;
    }

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
    public Double rolling(YearMonth end, int n) { return orNull(rollingAt(Track.index(end), n)); }

    /** R(end), NaN when a month is missing (no boxing: the streaks add up many totals). */
    private double rollingAt(int end, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (!has(end - k)) return Double.NaN;
            sum += track.value(end - k);
        }
        return sum;
    }

    private static Double orNull(double v) { return Double.isNaN(v) ? null : v; }

    /** R(M) over rolling.months months. */
    public Double getRollingTotal() { return rollingTotal(settings.rollingMonths()); }

    /** R(M) over n months. */
    public Double rollingTotal(int n) { return orNull(rollingAt(at, n)); }

    /** N: the number of months m ending at M with the rolling.months total R(m) strictly above R(m − 1). */
    public int getRisingRollingMonths() {
        if (firstAsked(RISING)) risingRollingMonths = risingRollingMonths(settings.rollingMonths());
        return risingRollingMonths;
    }

    /** N: the number of months m ending at M with the rolling.months total R(m) strictly below R(m − 1). */
    public int getFallingRollingMonths() {
        if (firstAsked(FALLING)) fallingRollingMonths = fallingRollingMonths(settings.rollingMonths());
        return fallingRollingMonths;
    }

    /** N: the number of months m ending at M with R(m) strictly above R(m − 1). */
    public int risingRollingMonths(int n) { return rollingStreak(n, true); }
    public int fallingRollingMonths(int n) { return rollingStreak(n, false); }

    private int rollingStreak(int n, boolean rising) { return streakEndingAt(at, n, rising); }

    /** Y = R(M) − R(M − 12) over rolling.months months, or null when either total lacks a month. */
    public Double getYearOnYearChange() {
        if (firstAsked(YEAR_ON_YEAR)) yearOnYearChange = yearOnYearChange(settings.rollingMonths());
        return yearOnYearChange;
    }

    /** 100 · Y / R(M − 12) over rolling.months months, or null when it cannot be computed or R(M − 12) is 0. */
    public Double getYearOnYearChangePct() { return changePct(getYearOnYearChange(), settings.rollingMonths()); }

    /** Y = R(M) − R(M − 12) over n months, or null when either total lacks a month. */
    public Double yearOnYearChange(int n) {
        return orNull(rollingAt(at, n) - rollingAt(at - 12, n)); // NaN when either lacks a month
    }

    /** 100 · Y / R(M − 12), or null when it cannot be computed or R(M − 12) is 0. */
    public Double yearOnYearChangePct(int n) { return changePct(yearOnYearChange(n), n); }

    private Double changePct(Double change, int n) {
        if (change == null) return null;
        double before = rollingAt(at - 12, n);
        return before == 0 ? null : 100 * change / before;
    }


    // --- the board papers' sentences (papers.drl) -------------------------------------------------
    /** R(M − 12): the rolling.months total a year before, or null when it lacks a month. */
    public Double getRollingTotalYearAgo() { return orNull(rollingAt(at - 12, settings.rollingMonths())); }

    /** R(M − 1): the rolling.months total a month before, or null when it lacks a month. */
    public Double getRollingTotalMonthAgo() { return orNull(rollingAt(at - 1, settings.rollingMonths())); }

    /** How many months in a row, ending at M − 1, the rolling.months total rose (the run before this month). */
    public int getRisingRollingMonthsBefore() { return streakEndingAt(at - 1, settings.rollingMonths(), true); }

    /** How many months in a row, ending at M − 1, the rolling.months total fell. */
    public int getFallingRollingMonthsBefore() { return streakEndingAt(at - 1, settings.rollingMonths(), false); }

    private int streakEndingAt(int end, int n, boolean rising) {
        int count = 0;
        double later = rollingAt(end, n);
        for (int m = end - 1; !Double.isNaN(later); m--) {
            double earlier = rollingAt(m, n);
            if (Double.isNaN(earlier) || (rising ? !(later > earlier) : !(later < earlier))) break;
            count++;
            later = earlier;
        }
        return count;
    }

    /** The metric this one is a part of (parts_of in metrics.yaml: a crime type of all crime), or null. */
    public String getPartOf() { return metric.partOf(); }

    /** True for a metric marked none_since in metrics.yaml (its months without any are news). */
    public boolean isNoneSinceMetric() { return metric.noneSince(); }

    /** How many months in a row, ending at M, the value was 0 (0 when v(M) is not 0). */
    public int getZeroMonths() {
        int n = 0;
        while (has(at - n) && track.value(at - n) == 0) n++;
        return n;
    }

    /** The latest month before M with a value other than 0, or null when there is none in the data. */
    public YearMonth getLastNonZero() {
        for (int i = at - 1; i >= track.first(); i--) {
            double x = track.value(i);
            if (!Double.isNaN(x) && x != 0) return Track.month(i);
        }
        return null;
    }

    /** The mean of the frequency.average-months months ending at M, or null when one is missing. */
    public Double getRollingAverage() { return averageEndingAt(at, settings.frequencyAverageMonths()); }

    private Double averageEndingAt(int end, int n) {
        double total = rollingAt(end, n);
        return Double.isNaN(total) ? null : total / n;
    }

    /** Of the last frequency.months months ending at M, how many were strictly above (below) the rolling average; 0 when it is unknown. */
    public int getMonthsAboveAverage() { return monthsBeside(at, true); }
    public int getMonthsBelowAverage() { return monthsBeside(at, false); }
    /** The same a month before (ending at M − 1, against the average ending there): a count just reached is news. */
    public int getMonthsAboveAverageBefore() { return monthsBeside(at - 1, true); }
    public int getMonthsBelowAverageBefore() { return monthsBeside(at - 1, false); }

    private int monthsBeside(int end, boolean above) {
        Double mean = averageEndingAt(end, settings.frequencyAverageMonths());
        int window = settings.frequencyMonths(), n = 0;
        if (mean == null) return 0;
        for (int k = 0; k < window; k++) {
            if (!has(end - k)) return 0;
            double v = track.value(end - k);
            if (above ? v > mean : v < mean) n++;
        }
        return n;
    }

    // --- significance ---------------------------------------------------------------------------
    /** v(M) against the average-1yr.months months before it, or null when there is no test. */
    public Significance getAverage1yr() {
        if (firstAsked(AVERAGE_1YR)) average1yr = averageTest(settings.average1yrMonths(), settings::needed);
        return average1yr;
    }

    /** v(M) against the average-3yr.months months before it, or null when there is no test. */
    public Significance getAverage3yr() {
        if (firstAsked(AVERAGE_3YR)) average3yr = averageTest(settings.average3yrMonths(), settings::needed);
        return average3yr;
    }

    /** v(M) against the `window` months before it (all present), or null when there is no test. */
    public Significance averageTest(int window) { return averageTest(window, settings::neededIfSet); }

    private Significance averageTest(int window, SignificanceTests.Needed needed) {
        if (window < 1) return null;
        for (int k = 1; k <= window; k++) if (!has(at - k)) return null;
        return SignificanceTests.average(track, at, window, isCounted(), rateOver(window), needed);
    }

    /** A rate: not a count, with a numerator and a denominator in M and the `window` months before it. */
    private boolean rateOver(int window) {
        if (isCounted()) return false;
        for (int k = 0; k <= window; k++) if (!hasFraction(at - k)) return false;
        return true;
    }

    private boolean hasFraction(int m) { return m <= at && track.numerator(m) != Track.MISSING && track.denominator(m) != Track.MISSING; }

    /** The last March strictly before M. */
    public YearMonth getBenchmarkMonth() {
        YearMonth march = YearMonth.of(month.getYear(), Month.MARCH);
        return march.isBefore(month) ? march : march.minusYears(1);
    }

    /** The benchmark.months figure at M against the same at the benchmark month, or null when there is no test. */
    public Benchmark getBenchmark() {
        if (firstAsked(BENCHMARK)) benchmark = benchmarkTest(settings.benchmarkMonths(), settings::needed);
        return benchmark;
    }

    /** The `window`-month figure at M against the same at the benchmark month, or null when there is no test. */
    public Benchmark benchmarkTest(int window) { return benchmarkTest(window, settings::neededIfSet); }

    private Benchmark benchmarkTest(int window, SignificanceTests.Needed needed) {
        YearMonth base = getBenchmarkMonth();
        if (isCounted()) return SignificanceTests.countBenchmark(this, base, window, needed);
        int b = Track.index(base);
        for (int k = 0; k < window; k++)
            if (!hasFraction(at - k) || !hasFraction(b - k)) return null;
        return SignificanceTests.rateBenchmark(track, at, base, window, needed);
    }

    // --- statistical process control -------------------------------------------------------------
    /** The XmR chart with the spc.* settings, or null when the run of consecutive months is too short. */
    public XmrChart getChart() {
        if (firstAsked(CHART)) chart = xmr(settings.spcMaxPoints(), settings.spcMinPoints(), settings.spcScreen(), settings.spcSigma());
        return chart;
    }

    /**
     * The XmR chart over the longest run of consecutive months ending at M, cut to its last maxPoints,
     * or null when the run is shorter than minPoints.
     */
    public XmrChart xmr(int maxPoints, int minPoints, double screen, double sigma) {
        int from = at;
        while (at - from + 1 < maxPoints && has(from - 1)) from--;
        if (at - from + 1 < minPoints) return null;
        return track.chart(from, at - from + 1, screen, sigma);
    }

    // --- the calibrated statistic (SIGNALS.md 1) -----------------------------------------------------
    /**
     * The calibrated statistic of this figure: expected, phi, z, pUp, pAdjustedUp, cusumUp, sinceUp,
     * rollingTotal, zYear, changePct … (each null where it cannot be computed), computed once per run for
     * every series together. The signal rules read it: {@code Series( calibration.pAdjustedUp <= signalsFdrQ )}.
     */
    public Figure getCalibration() {
        if (calibration == null) throw new IllegalStateException("the calibration of " + this + " needs the rule pack's settings");
        return calibration;
    }

    /** The calibration, or null when the Series was made without the rule pack's settings. */
    Figure calibrationOrNull() { return calibration; }

    // --- what a rule reports ---------------------------------------------------------------------
    /** Evidence that starts with this month's value. */
    public Evidence evidence() { return new Evidence().put("value", getValue()); }

    /** v(M) written for a reader: 8.2%, 1,234, 12.5 minutes. */
    public String getValueText() { return Wording.value(metric, getValue()); }

    /** Another number in this metric's unit, written for a reader (never the same text as v(M) when it differs). */
    public String format(double v) { return Wording.valueBeside(metric, v, getValue()); }

    /** "Robbery 8 in March 2021: " + what; a district or area goes first: "Fenland – Robbery 8 in ...". */
    public String headline(String what) {
        return who() + " " + getValueText() + " in " + Wording.month(month) + ": " + what;
    }

    /** "Robbery: " + what; a district or area goes first: "Peterborough – Robbery: a sustained rise ...". */
    public String named(String what) { return who() + ": " + what; }

    private String who() { return place.type() == AreaType.FORCE ? getLabel() : place.name() + " \u2013 " + getLabel(); }

    @Override
    public String toString() { return metric.id() + " " + place + " " + month; }

    /** True the first time a question is asked: the caller then works out the answer and keeps it. */
    private boolean firstAsked(int question) {
        if ((asked & question) != 0) return false;
        asked |= question;
        return true;
    }
}
