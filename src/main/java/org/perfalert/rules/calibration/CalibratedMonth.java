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
    int month;
    int benchmarkMonth;
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
        this.series = series;
        int n = series.size();
        kind = new Kind[n];
        present = new boolean[n];
        expected = new double[n]; phi = new double[n]; z = new double[n]; months = new double[n]; df = new double[n];
        pUp = new double[n]; pDown = new double[n]; pAdjustedUp = new double[n]; pAdjustedDown = new double[n];
        cusumUp = new double[n]; cusumDown = new double[n];
        sinceUp = new int[n]; sinceDown = new int[n];
        rolling = new double[n]; previous = new double[n]; zYear = new double[n]; change = new double[n];
        pYearUp = new double[n]; pYearDown = new double[n]; pYearAdjustedUp = new double[n]; pYearAdjustedDown = new double[n];
        benchmarkRolling = new double[n]; benchmarkPrevious = new double[n]; zBench = new double[n];
        signals = new byte[n];
        clear(month);
    }

    /** Makes this an empty month M (nothing computable yet), so that a run can reuse it for the months it does not hand over. */
    CalibratedMonth clear(int month) {
        this.month = month;
        // the last March strictly before M (March is month-of-year 2)
        this.benchmarkMonth = month - 1 - Math.floorMod(month - 1 - 2, 12);
        Arrays.fill(kind, null);
        Arrays.fill(present, false);
        Arrays.fill(signals, (byte) 0);
        Arrays.fill(sinceUp, NONE);
        Arrays.fill(sinceDown, NONE);
        for (double[] column : new double[][] {expected, phi, z, months, df, pUp, pDown, pAdjustedUp, pAdjustedDown, cusumUp,
                cusumDown, rolling, previous, zYear, change, pYearUp, pYearDown, pYearAdjustedUp, pYearAdjustedDown,
                benchmarkRolling, benchmarkPrevious, zBench})
            Arrays.fill(column, Double.NaN);
        tested = testedYear = 0;
        return this;
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
