package org.perfalert.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numbers written for a reader so that two numbers that differ never print the same: "72 (beyond 71.6)", not
 * "72 (beyond 72)". Each number gets the fewest decimals (from a minimum) at which every two different numbers
 * of the same sentence read differently; a number that needs fewer keeps fewer (72, not 72.0).
 */
public final class Numbers {
    /** The most decimals added beyond the minimum; numbers closer than that print as they are. */
    public static final int MORE = 4;

    private Numbers() { }

    /** v rounded half up to at most `decimals` decimals, trailing zeros dropped down to minDecimals, with separators: 1,234.5. */
    public static String write(double v, int minDecimals, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        if (d.signum() == 0) d = d.abs();
        while (d.scale() > minDecimals && d.unscaledValue().mod(java.math.BigInteger.TEN).signum() == 0)
            d = d.setScale(d.scale() - 1, RoundingMode.UNNECESSARY);
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setMinimumFractionDigits(d.scale());
        f.setMaximumFractionDigits(d.scale());
        return f.format(d);
    }

    /**
     * The values written with the fewest decimals, from minDecimals up to minDecimals + {@value #MORE}, at which
     * any two that differ print differently.
     */
    public static List<String> distinct(int minDecimals, double... values) {
        for (int d = minDecimals; ; d++) {
            List<String> out = new ArrayList<>();
            for (double v : values) out.add(write(v, minDecimals, d));
            if (d == minDecimals + MORE || apart(values, out)) return out;
        }
    }

    /** x written so that it reads differently from `against` written with minDecimals, when the two differ. */
    public static String apart(double x, double against, int minDecimals) {
        return apart(x, against, minDecimals, minDecimals);
    }

    /**
     * x written with up to `usual` decimals (at least minDecimals), more when that would read the same as `against`
     * written the usual way although the two differ.
     */
    public static String apart(double x, double against, int minDecimals, int usual) {
        String plain = write(against, minDecimals, usual);
        for (int d = usual; ; d++) {
            String s = write(x, minDecimals, d);
            if (x == against || !s.equals(plain) || d == usual + MORE) return s;
        }
    }

    private static boolean apart(double[] values, List<String> written) {
        for (int i = 0; i < values.length; i++)
            for (int j = i + 1; j < values.length; j++)
                if (values[i] != values[j] && written.get(i).equals(written.get(j))) return false;
        return true;
    }
}
