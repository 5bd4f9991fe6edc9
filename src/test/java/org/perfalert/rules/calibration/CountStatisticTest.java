package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;
import org.perfalert.model.AreaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.perfalert.rules.calibration.Inputs.*;

/**
 * E, φ, z and their p-values for count figures (SIGNALS.md 1.1–1.4), on series small enough to work
 * out by hand. z(x, E, φ) = (x^(2/3) − E^(2/3)) / ((2/3)·E^(1/6)·√(φ·13/12)); p from Student's t with
 * n + 6 degrees of freedom (p-values below are from t tables / any statistics package).
 */
class CountStatisticTest {
    private static final double EPS = 1e-9;

    @Test
    void twelveMonthsOfHistoryGiveThePriorAsDispersionAndATestWithSixDegreesOfFreedom() {
        // 12 months of 20, then 30. No force series: S ≡ 1, E = 240/12 = 20.
        // No month before M has its own E (each needs the 12 months before it): n = 0.
        // φ0 = 1 + 0.1²·20 = 1.2; φ = max(1, (0 + 6·1.2)/(0 + 6)) = 1.2; df = 6.
        // z = (30^(2/3) − 20^(2/3)) / ((2/3)·20^(1/6)·√(1.2·13/12)) = (9.654894 − 7.368063) / (1.098331·1.140175) = 1.826061
        // p_up = P(T6 > 1.826061) = 0.0588142
        Figure f = at(12, district("Fenland", repeat(12, 20, 30))).figure(0);
        assertThat(f.getKind()).isEqualTo(CalibratedMonth.Kind.COUNT);
        assertThat(f.getExpected()).isCloseTo(20, within(EPS));
        assertThat(f.getMonths()).isZero();
        assertThat(f.getPhi()).isCloseTo(1.2, within(EPS));
        assertThat(f.getDf()).isEqualTo(6);
        assertThat(f.getZ()).isCloseTo(1.826061047, within(EPS));
        assertThat(f.getPUp()).isCloseTo(0.0588141891, within(1e-9));
        assertThat(f.getPDown()).isCloseTo(1 - 0.0588141891, within(1e-9));
        // family: up (E ≥ 5, x ≥ 5) and down (E ≥ 5) = 2 tests; BH: up = min(2·0.058814/1, down's 0.941186) = 0.117628
        assertThat(f.getTested()).isEqualTo(2);
        assertThat(f.getPAdjustedUp()).isCloseTo(0.1176283781, within(1e-9));
        assertThat(f.getPAdjustedDown()).isCloseTo(0.9411858109, within(1e-9));
        assertThat(f.isExceptionalHigh()).isFalse();
        // year on year needs 24 months
        assertThat(f.getZYear()).isNull();
        assertThat(f.getRollingTotal()).isEqualTo(20 * 11 + 30);
        assertThat(f.getPreviousTotal()).isNull();
    }

    @Test
    void fewerThan24MonthsOfTheForceSeriesGiveNoSeasonalIndex() {
        // The force series is seasonal: F(m) = 100·g(moy) − 0.5 with g = exp(0.3·sin(2π·moy/12)), so
        // log(F + 0.5) = ln 100 + 0.3·sin: the fit is exact, S(moy) = g(moy)/mean(g), mean(g) = 1.022627.
        double[] f24 = new double[25];
        for (int m = 0; m < 25; m++) f24[m] = 100 * Math.exp(0.3 * Math.sin(2 * Math.PI * (m % 12) / 12)) - 0.5;
        // With 24 months before M = January 2026 (moy 0): E = S(0)·mean(x/S) = g(0)·(100 − 0.5·mean(1/g))
        //   = 1·(100 − 0.5·1.022627) = 99.488687
        CalibratedMonth with24 = at(24, count("m", AreaType.FORCE, "Force", 0, f24));
        assertThat(with24.figure(0).getExpected()).isCloseTo(99.48868656, within(1e-7));
        // With the same months but the first left out (23 before M): S ≡ 1, E = the plain mean of the
        // 12 months = 100·mean(g) − 0.5 = 101.762688
        double[] f23 = java.util.Arrays.copyOfRange(f24, 1, 25);
        CalibratedMonth with23 = at(24, count("m", AreaType.FORCE, "Force", 1, f23));
        assertThat(with23.figure(0).getExpected()).isCloseTo(101.76268794, within(1e-7));
    }

    @Test
    void theSeasonalIndexOfTheForceSeriesAlsoShapesItsDistricts() {
        // The district's figures are flat (40 each month); the force's seasonal index (as above) gives
        // January's E = S(0)·mean over the 12 months of 40/S(moy) = S(0)·40·mean(1/S), where
        // S(0) = g(0)/mean(g) = 1/1.022627 and mean(1/S) = mean(g)·mean(1/g) = 1.022627² (the sine is
        // symmetric, so mean(1/g) = mean(g)): E = 40·1.022627 = 40.905075
        double[] force = new double[25];
        for (int m = 0; m < 25; m++) force[m] = 100 * Math.exp(0.3 * Math.sin(2 * Math.PI * (m % 12) / 12)) - 0.5;
        CalibratedMonth month = at(24, count("m", AreaType.FORCE, "Force", 0, force), district("Fenland", repeat(25, 40)));
        assertThat(month.figure(1).getExpected()).isCloseTo(40 * 1.022626879351597, within(1e-7));
    }

    @Test
    void anExpectationUnderFiveIsComputedButNotTested() {
        // 12 months of 3 then 12: E = 3 < 5: a z, but no S1 test in either direction and no CUSUM.
        Figure f = at(12, district("Fenland", repeat(12, 3, 12))).figure(0);
        assertThat(f.getExpected()).isCloseTo(3, within(EPS));
        assertThat(f.getZ()).isPositive();
        assertThat(f.getTested()).isZero();
        assertThat(f.getPAdjustedUp()).isNull();
        assertThat(f.getPAdjustedDown()).isNull();
        assertThat(f.getCusumUp()).isNull();
        assertThat(f.isExceptionalHigh()).isFalse();
    }

    @Test
    void aGapInTheTwelveMonthsLeavesNoStatistic() {
        double[] values = repeat(13, 20);
        values[5] = Double.NaN;
        Figure f = at(12, district("Fenland", values)).figure(0);
        assertThat(f).isNotNull();
        assertThat(f.isCalibrated()).isFalse();
        assertThat(f.getExpected()).isNull();
        assertThat(f.getZ()).isNull();
        assertThat(f.getKind()).isNull();
        assertThat(f.calibrated()).containsExactlyEntriesOf(nulls());
    }

    private static Map<String, Object> nulls() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("expected", null); m.put("phi", null); m.put("z", null); m.put("z_year", null);
        return m;
    }

    @Test
    void zIsZeroWhenTheExpectationIsZero() {
        // 12 months of 0 then 3: E = 0, z = 0 (not a division by zero), p = ½ both ways.
        // φ: no earlier month has E > 0, so n = 0 and φ = max(1, 6·(1 + 0.01·0)/6) = 1.
        Figure f = at(12, district("Fenland", repeat(12, 0, 3))).figure(0);
        assertThat(f.getExpected()).isZero();
        assertThat(f.getZ()).isZero();
        assertThat(f.getPhi()).isEqualTo(1);
        assertThat(f.getPUp()).isEqualTo(0.5);
        assertThat(f.getTested()).isZero();
    }

    @Test
    void aSignalledMonthIsLeftOutOfTheDispersion() {
        // 12 months of 20, then a spike of 60 (month 12), then 20 (month 13).
        // Month 12: E = 20, n = 0, φ = 1.2, z = (15.326189 − 7.368063)/(1.098331·√1.3) = 6.354656;
        //   p_up (t, 6 df) = 0.000356057, BH over 2 tests: 0.000712 ≤ 0.05: exceptional-high;
        //   and C⁺ = 6.354656 − 0.5 = 5.854656 > 5: sustained-rise too.
        double[] values = repeat(12, 20, 60, 20);
        CalibratedMonth m12 = at(12, district("Fenland", values));
        assertThat(m12.figure(0).getZ()).isCloseTo(6.354655950, within(EPS));
        assertThat(m12.figure(0).getPAdjustedUp()).isCloseTo(0.000712113749, within(1e-11));
        assertThat(m12.figure(0).isExceptionalHigh()).isTrue();
        assertThat(m12.figure(0).getCusumUp()).isCloseTo(5.854655950, within(EPS));
        assertThat(m12.figure(0).isSustainedRise()).isTrue();
        // Month 13: E = (11·20 + 60)/12 = 23.333333, φ0 = 1 + 0.01·23.333333 = 1.233333.
        // Month 12 carried a signal, so it is left out: n = 0, φ = 1.233333.
        Figure left = at(13, district("Fenland", values)).figure(0);
        assertThat(left.getExpected()).isCloseTo(23.333333333, within(EPS));
        assertThat(left.getMonths()).isZero();
        assertThat(left.getPhi()).isCloseTo(1.233333333, within(EPS));
        // Had month 12 carried no signal (q and h out of reach), it would count:
        // r² = (60 − 20)²/(20·13/12) = 1600/21.666667 = 73.846154; φ = (73.846154 + 6·1.233333)/(1 + 6) = 11.606593
        CalibrationSettings never = settings(Map.of("signals.fdr-q", "1e-12", "signals.cusum-h", "1000"));
        Figure kept = at(13, never, district("Fenland", values)).figure(0);
        assertThat(kept.getMonths()).isEqualTo(1);
        assertThat(kept.getPhi()).isCloseTo(11.606593407, within(EPS));
        // and a sustained-rise alone (S1 out of reach) also leaves the month out
        CalibrationSettings cusumOnly = settings(Map.of("signals.fdr-q", "1e-12"));
        assertThat(at(13, cusumOnly, district("Fenland", values)).figure(0).getMonths()).isZero();
    }

    @Test
    void dispersionCountsTheDeviationsOfEarlierMonthsAgainstTheirOwnExpectation() {
        // 12 months of 20, then 26, 30, 28 (months 12–14); evaluate month 14.
        //   m   x   E(m)                     r² = (x − E)²/(E·13/12)
        //   12  26  20                       36/21.666667 = 1.661538
        //   13  30  (11·20 + 26)/12 = 20.5   90.25/22.208333 = 4.063790
        // E(14) = (10·20 + 26 + 30)/12 = 21.333333; φ0 = 1 + 0.01·21.333333 = 1.213333
        // φ = (1.661538 + 4.063790 + 6·1.213333)/(2 + 6) = 1.625666; df = 8
        // z = (28^(2/3) − 21.333333^(2/3)) / ((2/3)·21.333333^(1/6)·√(1.625666·13/12)) = 1.037664
        Figure f = at(14, district("Fenland", repeat(12, 20, 26, 30, 28))).figure(0);
        assertThat(f.getExpected()).isCloseTo(21.333333333, within(EPS));
        assertThat(f.getMonths()).isEqualTo(2);
        assertThat(f.getDf()).isEqualTo(8);
        assertThat(f.getPhi()).isCloseTo(1.625666041, within(EPS));
        assertThat(f.getZ()).isCloseTo(1.037663872, within(EPS));
    }

    static CalibrationSettings settings(Map<String, String> values) { return CalibrationSettings.from(values); }
}
