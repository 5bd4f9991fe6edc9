package org.perfalert.rules.calibration;

import org.perfalert.model.AreaType;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** Small series for the calibration's tests; month 0 is January 2024 (so moy = the month number mod 12). */
final class Inputs {
    static final int JAN_2024 = SeriesInput.monthIndex(YearMonth.of(2024, 1));

    private Inputs() { }

    /** A count series of a metric at a level, from January 2024 + start. */
    static SeriesInput count(String metric, AreaType level, String area, int start, double... values) {
        return SeriesInput.count(metric, level, area, JAN_2024 + start, values);
    }

    /** A district count series of metric "m" from January 2024. */
    static SeriesInput district(String area, double... values) {
        return count("m", AreaType.DISTRICT, area, 0, values);
    }

    /** n copies of v followed by the rest. */
    static double[] repeat(int n, double v, double... rest) {
        double[] a = new double[n + rest.length];
        Arrays.fill(a, 0, n, v);
        System.arraycopy(rest, 0, a, n, rest.length);
        return a;
    }

    /** The calibration of these series at month JAN_2024 + month. */
    static CalibratedMonth at(int month, CalibrationSettings settings, SeriesInput... series) {
        return new Calibration(List.of(series), settings).at(JAN_2024 + month);
    }

    static CalibratedMonth at(int month, SeriesInput... series) { return at(month, CalibrationSettings.DEFAULTS, series); }
}
