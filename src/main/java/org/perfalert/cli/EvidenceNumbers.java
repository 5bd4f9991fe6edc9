package org.perfalert.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Evidence numbers as the output writes them (CONTRACT.md 3): a double rounded half up to 4
 * decimal places of its shortest decimal form, a whole number with one decimal (12.0), NaN and
 * infinities as null. A backtest writes millions, so most are rounded by arithmetic; a number near a
 * tie (where the decimal form decides which way it goes) or very large goes the exact, slower way.
 */
final class EvidenceNumbers {
    private static final double LARGEST_BY_ARITHMETIC = 1e9; // × 10,000 stays well inside a double's exact range

    private EvidenceNumbers() { }

    /** Doubles (also inside lists) rounded; anything else as it is. */
    static Object round(Object v) {
        if (v instanceof Double d) return round((double) d);
        if (v instanceof List<?> l) return l.stream().map(EvidenceNumbers::round).toList();
        return v;
    }

    static BigDecimal round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        double x = Math.abs(d) * 10_000, floor = Math.floor(x), fraction = x - floor;
        if (!(Math.abs(d) < LARGEST_BY_ARITHMETIC) || Math.abs(fraction - 0.5) < 1e-3) return exactly(d);
        long units = (long) floor + (fraction > 0.5 ? 1 : 0);
        return scaled(BigDecimal.valueOf(d < 0 ? -units : units, 4));
    }

    /** The rounding by its definition: the shortest decimal form of d, rounded half up to 4 places. */
    static BigDecimal exactly(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        return scaled(BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP));
    }

    private static BigDecimal scaled(BigDecimal fourPlaces) {
        BigDecimal b = fourPlaces.stripTrailingZeros();
        return b.scale() < 1 ? b.setScale(1) : b;
    }
}
