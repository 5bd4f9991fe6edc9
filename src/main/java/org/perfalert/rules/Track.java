package org.perfalert.rules;

import org.perfalert.model.AreaType;
import org.perfalert.rules.calibration.SeriesInput;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * The figures of one series, month by month, in plain arrays: a value (NaN where the month has
 * none) and, for rates, a numerator and denominator (MISSING where not given). Months are counted
 * from year 0 (see index), so lookups are arithmetic. Arrays take a tenth of the memory of maps of
 * boxed numbers, which is what lets a national history fit in a small heap.
 */
final class Track {
    static final long MISSING = Long.MIN_VALUE;
    private static final double[] NONE = new double[0];

    private int start;            // month index of slot 0
    private int first, last;      // the months given so far (slots outside them are room to grow)
    private double[] values = NONE;
    private long[] numerators, denominators; // null until a fraction is given

    static int index(YearMonth m) { return m.getYear() * 12 + m.getMonthValue() - 1; }

    static YearMonth month(int index) { return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1); }

    /** Sets a month's figures; a month given again without a fraction loses the earlier one. */
    void put(int month, double value, Long numerator, Long denominator) {
        cover(month);
        values[month - start] = value;
        if (numerator != null || denominator != null || numerators != null) {
            fractions();
            numerators[month - start] = numerator == null ? MISSING : numerator;
            denominators[month - start] = denominator == null ? MISSING : denominator;
        }
    }

    /** Makes room for a month; the arrays grow by half again, so months given in order cost little. */
    private void cover(int month) {
        if (values.length == 0) {
            start = first = last = month;
            values = grow(NONE, month, month, month);
            return;
        }
        first = Math.min(first, month);
        last = Math.max(last, month);
        if (month >= start && month < start + values.length) return;
        int room = values.length / 2 + 1;
        int from = month < start ? month - room : start, to = month < start ? start + values.length - 1 : month + room;
        values = grow(values, from, to, start);
        if (numerators != null) { numerators = grow(numerators, from, to, start); denominators = grow(denominators, from, to, start); }
        start = from;
    }

    /** Once every month is given: the arrays cut to the months given (a history is kept for a whole run). */
    void trim() {
        if (values.length == 0 || (start == first && values.length == last - first + 1)) return;
        values = Arrays.copyOfRange(values, first - start, last - start + 1);
        if (numerators != null) {
            numerators = Arrays.copyOfRange(numerators, first - start, last - start + 1);
            denominators = Arrays.copyOfRange(denominators, first - start, last - start + 1);
        }
        start = first;
    }

    private static double[] grow(double[] old, int from, int to, int oldStart) {
        double[] a = new double[to - from + 1];
        Arrays.fill(a, Double.NaN);
        System.arraycopy(old, 0, a, oldStart - from, old.length);
        return a;
    }

    private static long[] grow(long[] old, int from, int to, int oldStart) {
        long[] a = new long[to - from + 1];
        Arrays.fill(a, MISSING);
        System.arraycopy(old, 0, a, oldStart - from, old.length);
        return a;
    }

    private void fractions() {
        if (numerators != null) return;
        numerators = new long[values.length];
        denominators = new long[values.length];
        Arrays.fill(numerators, MISSING);
        Arrays.fill(denominators, MISSING);
    }

    /**
     * The series as the calibration reads it, over these arrays (shared, not copied: call it once every
     * month is given and trimmed; nothing changes them after).
     */
    SeriesInput input(String metric, boolean counted, AreaType level, String area) {
        return new SeriesInput(metric, counted, level, area, start, values, numerators, denominators);
    }

    boolean isEmpty() { return values.length == 0; }
    int first() { return first; }
    int last() { return last; }

    /** The value of a month, NaN when there is none. */
    double value(int month) {
        int i = month - start;
        return i < 0 || i >= values.length ? Double.NaN : values[i];
    }

    boolean has(int month) { return !Double.isNaN(value(month)); }

    /** An XmR chart over size months from a month, all of which have values (the chart reads them in place). */
    XmrChart chart(int from, int size, double screen, double sigma) {
        return new XmrChart(values, from - start, size, screen, sigma);
    }

    long numerator(int month) { return fraction(numerators, month); }
    long denominator(int month) { return fraction(denominators, month); }

    private long fraction(long[] a, int month) {
        int i = month - start;
        return a == null || i < 0 || i >= a.length ? MISSING : a[i];
    }

    /** The latest month with a value, or Integer.MIN_VALUE when there is none. */
    int latest() {
        for (int m = last; m >= first && values.length > 0; m--) if (has(m)) return m;
        return Integer.MIN_VALUE;
    }
}
