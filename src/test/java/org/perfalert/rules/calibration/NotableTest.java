package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.perfalert.rules.calibration.Inputs.*;

/** notable (SIGNALS.md 3): the statistic of each rule family, its direction, E ≥ 5, thresholds. */
class NotableTest {
    private static final CalibrationSettings S = CalibrationSettings.DEFAULTS;

    /**
     * 12 months of 20, then 26, 30, 28 (months 12–14), as in CountStatisticTest:
     *   month 12: E = 20,        φ = 1.2,      z = 1.124560
     *   month 13: E = 20.5,      φ = 1.270220, z = 1.673054   (φ = (1.661538 + 6·1.205)/7)
     *   month 14: E = 21.333333, φ = 1.625666, z = 1.037664
     */
    private static Figure month14() { return at(14, district("Fenland", repeat(12, 20, 26, 30, 28))).figure(0); }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"twelve-month-high", "same-month-high", "above-average-1yr", "spc-outside-limits", "an-analysts-own-rule"})
    void oneMonthRulesUseZ(String rule) {
        // month 12 of "12 × 20 then 40": E = 20, φ = 1.2, z = (11.696071 − 7.368063)/1.252330 = 3.455965 ≥ 1.96
        Figure f = at(12, district("Fenland", repeat(12, 20, 40))).figure(0);
        Notable.Verdict up = Notable.judge(rule, true, f, 0, S);
        assertThat(up.basis()).isEqualTo(Notable.Basis.Z);
        assertThat(up.statistic()).isCloseTo(3.455965, within(1e-6));
        assertThat(up.notable()).isTrue();
        // the same statistic does not make a downward exception notable
        assertThat(Notable.judge(rule.replace("high", "low"), false, f, 0, S).notable()).isFalse();
        // month 14 above: z = 1.037664 < 1.96
        assertThat(Notable.judge(rule, true, month14(), 0, S).notable()).isFalse();
    }

    @Test
    void countsBelowFiveExpectedAreNeverNotable() {
        // 12 months of 3 then 12: φ = 1 + 0.01·3 = 1.03, z = (5.241483 − 2.080084)/((2/3)·3^(1/6)·√(1.03·13/12)) = 3.738098 ≥ 1.96, but E = 3 < 5
        Figure f = at(12, district("Fenland", repeat(12, 3, 12))).figure(0);
        assertThat(f.getZ()).isGreaterThan(1.96);
        assertThat(Notable.judge("twelve-month-high", true, f, 0, S).notable()).isFalse();
    }

    @Test
    void runsUseStouffersSumOverTheRun() {
        // Σ z(m)/√k: k = 3: (1.124560 + 1.673054 + 1.037664)/√3 = 3.835278/1.732051 = 2.214299 ≥ 1.96: notable
        //            k = 2: (1.673054 + 1.037664)/√2 = 1.916767 < 1.96: not notable
        Figure f = month14();
        Notable.Verdict three = Notable.judge("spc-two-of-three", true, f, Notable.runMonths("spc-two-of-three", Map.of()), S);
        assertThat(three.basis()).isEqualTo(Notable.Basis.RUN);
        assertThat(three.statistic()).isCloseTo(2.214298540, within(1e-8));
        assertThat(three.notable()).isTrue();
        Notable.Verdict two = Notable.judge("spc-shift", true, f, Notable.runMonths("spc-shift", Map.of("months", 2)), S);
        assertThat(two.statistic()).isCloseTo(1.916766865, within(1e-8));
        assertThat(two.notable()).isFalse();
        // a run reaching back to month 11, which has no z (no 12 months before it): not notable
        Notable.Verdict four = Notable.judge("same-month-streak-high", true, f, 4, S);
        assertThat(four.statistic()).isNull();
        assertThat(four.notable()).isFalse();
    }

    @Test
    void twelveMonthTotalsUseZYearAndOnlyDistrictAlsoNeedsTenPercent() {
        // From SignalsTest: "small" (100 → 125, +25 %) z_year = 4.295936, "big" (1000 → 1040, +4 %) z_year = 3.067860
        CalibrationSettings s = CalibrationSettings.from(Map.of("signals.tau0", "0", "signals.cusum-h", "1e9"));
        CalibratedMonth m = at(23, s, district("Fenland", repeat(12, 1000, repeat(12, 1040))),
                district("Cambridge", repeat(12, 100, repeat(12, 125))));
        Notable.Verdict rising = Notable.judge("rolling-rise-streak", true, m.figure(0), 0, s);
        assertThat(rising.basis()).isEqualTo(Notable.Basis.Z_YEAR);
        assertThat(rising.statistic()).isCloseTo(3.067860, within(1e-6));
        assertThat(rising.notable()).isTrue();
        assertThat(Notable.judge("only-district-increase", true, m.figure(0), 0, s).notable()).as("+4 %").isFalse();
        assertThat(Notable.judge("only-district-increase", true, m.figure(1), 0, s).notable()).as("+25 %").isTrue();
        assertThat(Notable.judge("only-district-decrease", false, m.figure(1), 0, s).notable()).isFalse();
    }

    @Test
    void benchmarksUseZBench() {
        // 12 months of 100 (Jan–Dec 2024), then 130 each month to June 2025 (month 17).
        // The last March before June 2025 is March 2025: A_b = x(Apr–Jun 2025) = 390, B_b = x(Apr–Jun 2024) = 300.
        // φ(M): E(m) for m = 12–16: 100, 102.5, 105, 107.5, 110; x = 130:
        //   r² = 900/108.333 + 756.25/111.042 + 625/113.75 + 506.25/116.458 + 400/119.167
        //      = 8.307692 + 6.810507 + 5.494505 + 4.347048 + 3.356643 = 28.316396
        // E(17) = (7·100 + 5·130)/12 = 112.5, φ0 = 1 + 0.01·112.5 = 2.125; φ = (28.316396 + 12.75)/11 = 3.733309
        // (no month 12–16 carries a signal: their z ≤ 1.95, p_adjusted ≥ 0.1, C⁺ ≤ 4.1, so none is left out)
        // z_bench = (390 − 300)/√(3.733309·690) = 90/50.754143 = 1.773254 < 1.96: not notable
        Figure f = at(17, district("Fenland", repeat(12, 100, repeat(6, 130)))).figure(0);
        assertThat(f.getBenchmarkMonth()).isEqualTo(java.time.YearMonth.of(2025, 3));
        assertThat(f.getBenchmarkRolling()).isEqualTo(390);
        assertThat(f.getBenchmarkPrevious()).isEqualTo(300);
        Notable.Verdict v = Notable.judge("above-benchmark", true, f, 0, S);
        assertThat(v.basis()).isEqualTo(Notable.Basis.Z_BENCH);
        assertThat(v.statistic()).isCloseTo(1.773254, within(1e-6));
        assertThat(v.notable()).isFalse();
    }

    @Test
    void thresholdsAreAlwaysNotableEvenWithoutAStatistic() {
        Notable.Verdict v = Notable.judge("threshold-above", true, null, 0, S);
        assertThat(v.notable()).isTrue();
        assertThat(v.basis()).isEqualTo(Notable.Basis.ALWAYS);
        assertThat(Notable.judge("twelve-month-high", true, null, 0, S).notable()).isFalse();
        assertThat(Notable.calibrated(null)).containsKeys("expected", "phi", "z", "z_year").allSatisfy((k, x) -> assertThat(x).isNull());
    }

    @Test
    void calibratedCarriesTheFiguresStatistic() {
        Figure f = month14();
        assertThat(Notable.calibrated(f)).containsEntry("expected", f.getExpected()).containsEntry("phi", f.getPhi())
                .containsEntry("z", f.getZ()).containsEntry("z_year", null);
    }
}
