package org.perfalert.rules.calibration;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * The calibrated statistic of every series at one month M, column by column (one array per
 * statistic, indexed like the calibration's input list; NaN where not computable). Read one series
 * through {@link #figure(int)}. Earlier months' z (for runs) come from {@link #zAt(int, int)}, which
 * never looks past M.
 */
public final class CalibratedMonth {
    /** Bits of {@link #signals}. */
    static final int EXCEPTIONAL_HIGH = 1, EXCEPTIONAL_LOW = 2, SUSTAINED_RISE = 4, SUSTAINED_FALL = 8,
            YEAR_ON_YEAR_RISE = 16, YEAR_ON_YEAR_FALL = 32;
    static final int NONE = Integer.MIN_VALUE;

    private final Calibration.History history;
    final int month;
    final int benchmarkMonth;
    final List<SeriesInput> series;
    final Kind[] kind;
    final boolean[] present;
    final double[] expected, phi, z, months, df, pUp, pDown, pAdjustedUp, pAdjustedDown;
    final double[] cusumUp, cusumDown;
    final int[] sinceUp, sinceDown;
    final double[] rolling, previous, zYear, change, pYearUp, pYearDown, pYearAdjustedUp, pYearAdjustedDown;
    final double[] benchmarkRolling, benchmarkPrevious, zBench;
    final byte[] signals;
    int tested, testedYear;

    CalibratedMonth(Calibration.History history, int month, List<SeriesInput> series) {
        this.history = history;
        this.month = month;
        this.series = series;
        int n = series.size();
        // the last March strictly before M (March is month-of-year 2)
        this.benchmarkMonth = month - 1 - Math.floorMod(month - 1 - 2, 12);
        kind = new Kind[n];
        present = new boolean[n];
        expected = nan(n); phi = nan(n); z = nan(n); months = nan(n); df = nan(n);
        pUp = nan(n); pDown = nan(n); pAdjustedUp = nan(n); pAdjustedDown = nan(n);
        cusumUp = nan(n); cusumDown = nan(n);
        sinceUp = new int[n]; sinceDown = new int[n];
        Arrays.fill(sinceUp, NONE);
        Arrays.fill(sinceDown, NONE);
        rolling = nan(n); previous = nan(n); zYear = nan(n); change = nan(n);
        pYearUp = nan(n); pYearDown = nan(n); pYearAdjustedUp = nan(n); pYearAdjustedDown = nan(n);
        benchmarkRolling = nan(n); benchmarkPrevious = nan(n); zBench = nan(n);
        signals = new byte[n];
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** How the statistic of a figure was made. */
    public enum Kind {
        /** Counts: seasonal E, dispersion φ, Farrington's 2/3-power z. */
        COUNT,
        /** Rates with numerators and denominators: Laney's p′. */
        RATE,
        /** Anything else: the moving-range sigma. */
        OTHER
    }

    /** M as a month index (year·12 + month − 1). */
    public int month() { return month; }

    public YearMonth yearMonth() { return SeriesInput.month(month); }

    /** The number of series (the calibration's input list). */
    public int size() { return series.size(); }

    /** The input series at a position. */
    public SeriesInput input(int series) { return this.series.get(series); }

    /** One series at M, or null when it has no value at M. */
    public Figure figure(int series) { return present[series] ? new Figure(this, series) : null; }

    /**
     * z(m) of a series as it was computed when m was evaluated, for m ≤ M; NaN when m had no z
     * (or m is after M: the statistic of M never depends on later months).
     */
    public double zAt(int series, int m) { return m > month ? Double.NaN : history.z(series, m); }

    /** The family size of exceptional-high/-low at M: every eligible (count figure, direction). */
    public int tested() { return tested; }

    /** The family size of year-on-year-rise/-fall at M. */
    public int testedYear() { return testedYear; }

    boolean signal(int series, int bit) { return (signals[series] & bit) != 0; }

    /** True when any signal (S1, S2 or S3, either direction) holds for the series at M. */
    public boolean anySignal(int series) { return signals[series] != 0; }
}
