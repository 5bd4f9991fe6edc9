package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;
import org.perfalert.model.AreaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.perfalert.rules.calibration.Inputs.*;

/** Laney's p′ for rates and the moving-range sigma for other units (SIGNALS.md 1, last paragraph). */
class SpreadStatisticTest {
    private static final double EPS = 1e-9;

    /** A rate with denominators of 100 and the given numerators from January 2024. */
    private static SeriesInput rate(long... numerators) {
        long[] den = new long[numerators.length];
        double[] values = new double[numerators.length];
        for (int m = 0; m < numerators.length; m++) { den[m] = 100; values[m] = numerators[m]; }
        return new SeriesInput("r", false, AreaType.FORCE, "Force", JAN_2024, values, numerators, den);
    }

    private static long[] alternating(int months, long a, long b, long last) {
        long[] n = new long[months + 1];
        for (int m = 0; m < months; m++) n[m] = m % 2 == 0 ? a : b;
        n[months] = last;
        return n;
    }

    @Test
    void laneyDividesTheRawZByTheSpreadOfTheRawZs() {
        // Numerators alternate 20, 30 over denominators of 100 for 36 months, then 40 (month 36).
        // Every 12-month p̄ = (6·20 + 6·30)/1200 = 0.25; √(0.25·0.75/100) = 0.0433013.
        // z_raw(m) = ±0.05/0.0433013 = ±1.154701 (months 12–35); each moving range = 2.309401 (23 of them:
        // months 13–35 pair with the month before, both inside the 24 months before M).
        // σ_z = 2.309401/1.128 = 2.047341 (≥ 1); z_raw(36) = 0.15/0.0433013 = 3.464102; z = 1.692000.
        Figure f = at(36, rate(alternating(36, 20, 30, 40))).figure(0);
        assertThat(f.getKind()).isEqualTo(CalibratedMonth.Kind.RATE);
        assertThat(f.getExpected()).isCloseTo(25, within(EPS));
        assertThat(f.getZ()).isCloseTo(1.692, within(EPS));
        assertThat(f.getPhi()).isCloseTo(4.191606727, within(EPS));
        assertThat(f.getMonths()).isEqualTo(23);
        assertThat(f.getZYear()).isNull();
        assertThat(f.getPUp()).isNull();
    }

    @Test
    void laneysSigmaIsAtLeastOne() {
        // Numerators 25 every month: z_raw = 0, the moving ranges are 0, σ_z = max(1, 0) = 1;
        // month 36 has 30: z = z_raw = 0.05/0.0433013 = 1.154701, φ = 1.
        Figure f = at(36, rate(alternating(36, 25, 25, 30))).figure(0);
        assertThat(f.getZ()).isCloseTo(1.154700538, within(EPS));
        assertThat(f.getPhi()).isEqualTo(1);
    }

    @Test
    void laneyNeedsTwoMovingRanges() {
        // z_raw exists from month 12 on (its p̄ needs 12 months): at month 14 the only range is 13–12.
        long[] num = alternating(15, 20, 30, 30);
        assertThat(at(14, rate(num)).figure(0).isCalibrated()).isFalse();
        assertThat(at(15, rate(num)).figure(0).getMonths()).isEqualTo(2);
    }

    @Test
    void otherUnitsUseTheMeanAndTheMovingRangeOfTheValues() {
        // Values alternate 10, 12 for 36 months, then 15. E = mean of months 24–35 = 11;
        // 23 moving ranges of 2: σ = 2/1.128 = 1.773050; z = (15 − 11)/1.773050 = 2.256.
        double[] v = new double[37];
        for (int m = 0; m < 36; m++) v[m] = m % 2 == 0 ? 10 : 12;
        v[36] = 15;
        Figure f = at(36, new SeriesInput("minutes", false, AreaType.FORCE, "Force", JAN_2024, v, null, null)).figure(0);
        assertThat(f.getKind()).isEqualTo(CalibratedMonth.Kind.OTHER);
        assertThat(f.getExpected()).isCloseTo(11, within(EPS));
        assertThat(f.getZ()).isCloseTo(2.256, within(EPS));
        assertThat(f.getPhi()).isNull();
        assertThat(f.getMonths()).isEqualTo(23);
    }

    @Test
    void otherUnitsWithoutSpreadHaveNoTest() {
        Figure f = at(24, new SeriesInput("minutes", false, AreaType.FORCE, "Force", JAN_2024, repeat(24, 7, 9), null, null)).figure(0);
        assertThat(f.isCalibrated()).isFalse();
    }

    @Test
    void aRateMonthWithoutItsFractionIsJudgedAsAnOtherUnit() {
        // As CONTRACT.md 5.1's "rate kind": a rate needs its fraction in M and the 12 months before.
        long[] num = alternating(36, 20, 30, 40);
        SeriesInput s = rate(num);
        s.numerators()[30] = SeriesInput.MISSING;
        s.denominators()[30] = SeriesInput.MISSING;
        Figure f = at(36, s).figure(0);
        assertThat(f.getKind()).isEqualTo(CalibratedMonth.Kind.OTHER);
        // values are the numerators here (per 100): E = 25, 23 ranges of 10: σ = 10/1.128, z = 15/8.865248 = 1.692
        assertThat(f.getZ()).isCloseTo(1.692, within(EPS));
    }
}
