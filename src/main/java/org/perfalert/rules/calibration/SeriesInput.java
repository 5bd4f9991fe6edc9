package org.perfalert.rules.calibration;

import org.perfalert.model.AreaType;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One series (a metric in one area) as the calibration reads it: plain arrays from its first month on.
 * Month numbers are {@link #monthIndex(YearMonth)}: year·12 + (month − 1), so the month of the year
 * (moy, January = 0 … December = 11) is the index mod 12.
 *
 * @param metric       the metric's id; the seasonal index is fitted per metric on its FORCE series
 * @param counted      true for count metrics (unit: count)
 * @param level        force, area or district
 * @param area         the area's name
 * @param first        the month index of values[0]
 * @param values       the value of each month, NaN where there is none
 * @param numerators   for rates: each month's numerator (Long.MIN_VALUE where not given), or null
 * @param denominators the same for denominators, or null
 */
public record SeriesInput(String metric, boolean counted, AreaType level, String area, int first, double[] values,
                          long[] numerators, long[] denominators) {
    /** A numerator or denominator that is not given. */
    public static final long MISSING = Long.MIN_VALUE;

    public SeriesInput {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(values, "values");
        if ((numerators == null) != (denominators == null))
            throw new IllegalArgumentException(metric + " " + area + ": numerators and denominators come together");
        if (numerators != null && (numerators.length != values.length || denominators.length != values.length))
            throw new IllegalArgumentException(metric + " " + area + ": numerators and denominators need one entry per value");
    }

    /** A count series without fractions. */
    public static SeriesInput count(String metric, AreaType level, String area, int first, double[] values) {
        return new SeriesInput(metric, true, level, area, first, values, null, null);
    }

    public static int monthIndex(YearMonth m) { return m.getYear() * 12 + m.getMonthValue() - 1; }

    public static YearMonth month(int index) { return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1); }

    /** The month index after the last value. */
    public int end() { return first + values.length; }

    /** x(m), NaN when m has no value or lies outside the arrays. */
    public double value(int month) {
        int i = month - first;
        return i < 0 || i >= values.length ? Double.NaN : values[i];
    }

    /** True when m has a numerator and a positive denominator. */
    boolean hasFraction(int month) {
        int i = month - first;
        return numerators != null && i >= 0 && i < values.length && numerators[i] != MISSING && denominators[i] != MISSING
                && denominators[i] > 0;
    }
}
