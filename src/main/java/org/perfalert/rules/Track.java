package org.perfalert.rules;

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

    private int start;        // month index of slot 0
    private double[] values = new double[0];
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

    private void cover(int month) {
        if (values.length == 0) { start = month; values = new double[] {Double.NaN}; return; }
        int from = Math.min(start, month), to = Math.max(start + values.length - 1, month);
        if (from == start && to == start + values.length - 1) return;
        values = grow(values, from, to);
        if (numerators != null) { numerators = grow(numerators, from, to); denominators = grow(denominators, from, to); }
        start = from;
    }

    private double[] grow(double[] old, int from, int to) {
        double[] a = new double[to - from + 1];
        Arrays.fill(a, Double.NaN);
        System.arraycopy(old, 0, a, start - from, old.length);
        return a;
    }

    private long[] grow(long[] old, int from, int to) {
        long[] a = new long[to - from + 1];
        Arrays.fill(a, MISSING);
        System.arraycopy(old, 0, a, start - from, old.length);
        return a;
    }

    private void fractions() {
        if (numerators != null) return;
        numerators = new long[values.length];
        denominators = new long[values.length];
        Arrays.fill(numerators, MISSING);
        Arrays.fill(denominators, MISSING);
    }

    boolean isEmpty() { return values.length == 0; }
    int first() { return start; }
    int last() { return start + values.length - 1; }

    /** The value of a month, NaN when there is none. */
    double value(int month) {
        int i = month - start;
        return i < 0 || i >= values.length ? Double.NaN : values[i];
    }

    boolean has(int month) { return !Double.isNaN(value(month)); }

    long numerator(int month) { return fraction(numerators, month); }
    long denominator(int month) { return fraction(denominators, month); }

    private long fraction(long[] a, int month) {
        int i = month - start;
        return a == null || i < 0 || i >= a.length ? MISSING : a[i];
    }

    /** The latest month with a value, or Integer.MIN_VALUE when there is none. */
    int latest() {
        for (int i = values.length - 1; i >= 0; i--) if (!Double.isNaN(values[i])) return start + i;
        return Integer.MIN_VALUE;
    }
}
