package org.perfalert.digest;

import org.perfalert.model.Better;

import java.util.Locale;

/** The board table's words for a significance test, as the board papers write them. */
public final class Verdict {
    private Verdict() { }

    /**
     * z at or beyond +limit is a significant rise, at or beyond −limit a significant fall (inclusive, as in the rules);
     * a rise is Higher, or Improved / Deteriorated where the metric has a better direction; anything else Comparable.
     */
    public static Digest.Comparison of(double z, double limit, Better better) {
        String zText = String.format(Locale.UK, "z = %.2f", z);
        if (z < limit && z > -limit) return new Digest.Comparison("Comparable", "neutral", zText);
        boolean rising = z >= limit;
        return switch (better) {
            case NEUTRAL -> new Digest.Comparison(rising ? "Higher" : "Lower", "neutral", zText);
            case UP -> rising ? new Digest.Comparison("Improved", "good", zText) : new Digest.Comparison("Deteriorated", "bad", zText);
            case DOWN -> rising ? new Digest.Comparison("Deteriorated", "bad", zText) : new Digest.Comparison("Improved", "good", zText);
        };
    }
}
