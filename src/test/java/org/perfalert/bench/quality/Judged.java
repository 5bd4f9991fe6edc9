package org.perfalert.bench.quality;

import org.perfalert.model.PerformanceException;
import org.perfalert.rules.calibration.CalibratedMonth;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.Figure;
import org.perfalert.rules.calibration.Notable;
import org.perfalert.rules.calibration.SeriesInput;

import java.util.Map;

/**
 * A section-5 exception judged by SIGNALS.md section 3, as the rule pack will once `notable` is wired
 * in: its movement, its calibration and the verdict. The movement (up or down) is known to the rule
 * that raises the exception; here it is read back from the rule id and, for the SPC rules whose id
 * does not say, from the evidence and the figures.
 */
final class Judged {
    private Judged() { }

    /** The signal rule ids and their bits, in SIGNALS.md order. */
    static final String[] SIGNAL_RULES = {"exceptional-high", "exceptional-low", "sustained-rise", "sustained-fall",
            "year-on-year-rise", "year-on-year-fall"};

    /** Which of the six signal rules hold for a figure (bit r for SIGNAL_RULES[r]); 0 when it has no figure. */
    static int signals(Figure f) {
        if (f == null) return 0;
        boolean[] held = {f.isExceptionalHigh(), f.isExceptionalLow(), f.isSustainedRise(), f.isSustainedFall(),
                f.isYearOnYearRise(), f.isYearOnYearFall()};
        int bits = 0;
        for (int r = 0; r < held.length; r++) if (held[r]) bits |= 1 << r;
        return bits;
    }

    /** The bits of the upward signals (exceptional-high, sustained-rise, year-on-year-rise). */
    static final int UP = 1 | 4 | 16;

    /** True when the exception's rule went up (high, above, rise, increase, the upper side). */
    static boolean up(PerformanceException e, SeriesInput series, int month) {
        String rule = e.rule();
        Map<String, Object> ev = e.evidence();
        return switch (rule) {
            case "spc-outside-limits" -> e.value() > number(ev, "upper");
            case "spc-shift" -> e.value() > number(ev, "mean");
            case "spc-two-of-three" -> number(ev, "band") > number(ev, "mean");
            case "spc-trend" -> e.value() > series.value(month - 1);
            default -> rule.contains("high") || rule.contains("above") || rule.contains("rise") || rule.contains("increase");
        };
    }

    private static double number(Map<String, Object> evidence, String key) {
        return ((Number) evidence.get(key)).doubleValue();
    }

    /** Is the exception notable, given the calibration of its month and its series' position in it? */
    static boolean notable(PerformanceException e, CalibratedMonth month, int series, CalibrationSettings settings) {
        Figure f = month.figure(series);
        boolean up = up(e, month.input(series), month.month());
        return Notable.judge(e.rule(), up, f, Notable.runMonths(e.rule(), e.evidence()), settings).notable();
    }
}
