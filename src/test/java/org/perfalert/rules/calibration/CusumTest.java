package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.perfalert.rules.calibration.Inputs.*;

class CusumTest {
    private static final double EPS = 1e-9;

    @Test
    void thePathClimbsFiresResetsAndRemembersWhereTheClimbStarted() {
        // k = 0.5, h = 5. C⁺ = max(0, C⁺ + z − 0.5), C⁻ = max(0, C⁻ − z − 0.5).
        //  month  z     C⁺                    since⁺   C⁻                     since⁻
        //  1      2.0   1.5                   1        0                      -
        //  2      3.0   4.0                   1        0                      -
        //  3      2.5   6.0 > 5: fires, → 0   1        0                      -
        //  4      1.0   0.5                   4        0                      -
        //  5     −1.0   max(0, 0.5−1−0.5) = 0 -        0.5                    5
        //  6      0.7   0.2                   6        max(0, 0.5−0.7−0.5)=0  -
        Cusum cusum = new Cusum(1, 0.5, 5);
        double[] z = {2.0, 3.0, 2.5, 1.0, -1.0, 0.7};
        double[] up = {1.5, 4.0, 6.0, 0.5, 0, 0.2}, down = {0, 0, 0, 0, 0.5, 0};
        int none = CalibratedMonth.NONE;
        int[] sinceUp = {1, 1, 1, 4, none, 6}, sinceDown = {none, none, none, none, 5, none};
        Calibration.History history = new Calibration.History(1, 6, 1);
        List<SeriesInput> one = List.of(district("Fenland", 1));
        for (int m = 1; m <= 6; m++) {
            CalibratedMonth out = new CalibratedMonth(history, m, one);
            int fired = cusum.step(0, m, z[m - 1], out);
            assertThat(out.cusumUp[0]).as("C+ at " + m).isCloseTo(up[m - 1], within(EPS));
            assertThat(out.cusumDown[0]).as("C- at " + m).isCloseTo(down[m - 1], within(EPS));
            assertThat(out.sinceUp[0]).as("since+ at " + m).isEqualTo(sinceUp[m - 1]);
            assertThat(out.sinceDown[0]).as("since- at " + m).isEqualTo(sinceDown[m - 1]);
            assertThat(fired).as("fired at " + m).isEqualTo(m == 3 ? CalibratedMonth.SUSTAINED_RISE : 0);
        }
    }

    @Test
    void aMonthWithoutAStatisticLeavesTheCusumWhereItWas() {
        // 12 months of 20, 26 in month 12, month 13 missing, then 20 up to month 26.
        // Month 12: E = 20, φ = 1.2, z = (26^(2/3) − 20^(2/3))/(1.098331·√1.3) = 1.124560; C⁺ = 0.624560, since month 12.
        // Months 13–25: no z (13 is missing and lies in the 12 months of 14..25): the CUSUM skips them.
        // Month 26: E = 20 (months 14–25), x = 20, z = 0: C⁺ = 0.624560 + 0 − 0.5 = 0.124560, still since month 12.
        double[] values = repeat(27, 20);
        values[12] = 26;
        values[13] = Double.NaN;
        SeriesInput s = district("Fenland", values);
        Calibration calibration = new Calibration(List.of(s), CalibrationSettings.DEFAULTS);
        assertThat(calibration.at(JAN_2024 + 12).figure(0).getCusumUp()).isCloseTo(0.624559877, within(EPS));
        Figure skipped = calibration.at(JAN_2024 + 20).figure(0);
        assertThat(skipped.getZ()).isNull();
        assertThat(skipped.getCusumUp()).isNull();
        Figure back = calibration.at(JAN_2024 + 26).figure(0);
        assertThat(back.getZ()).isZero();
        assertThat(back.getCusumUp()).isCloseTo(0.124559877, within(EPS));
        assertThat(back.getSinceUp()).isEqualTo(java.time.YearMonth.of(2025, 1));
        assertThat(back.getCusumDown()).isZero();
        assertThat(back.getSinceDown()).isNull();
    }
}
