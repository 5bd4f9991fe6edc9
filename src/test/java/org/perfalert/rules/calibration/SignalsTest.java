package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;
import org.perfalert.model.AreaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.perfalert.rules.calibration.Inputs.*;

/** The month-wide families: exceptional-* (S1) and year-on-year-* (S3). */
class SignalsTest {
    @Test
    void theExceptionalFamilyHoldsEveryEligibleCountFigureAndDirectionOfTheMonth() {
        // Fenland: E = 20, x = 30: up and down (2 tests). Peterborough: E = 20, x = 4: down only (x < 5).
        // Cambridge: E = 3 < 5: none. A rate: none (signals are counts only). Family = 3.
        SeriesInput rate = new SeriesInput("r", false, AreaType.FORCE, "Force", JAN_2024, repeat(13, 50),
                new long[13], new long[13]);
        java.util.Arrays.fill(rate.numerators(), 50);
        java.util.Arrays.fill(rate.denominators(), 100);
        CalibratedMonth m = at(12, district("Fenland", repeat(12, 20, 30)), district("Peterborough", repeat(12, 20, 4)),
                district("Cambridge", repeat(12, 3, 3)), rate);
        assertThat(m.tested()).isEqualTo(3);
        assertThat(m.figure(0).getPAdjustedUp()).isNotNull();
        assertThat(m.figure(1).getPAdjustedUp()).isNull();
        assertThat(m.figure(1).getPAdjustedDown()).isNotNull();
        assertThat(m.figure(2).getPAdjustedDown()).isNull();
        // Fenland's p_up = 0.0588142 (see CountStatisticTest); Peterborough: E = 20, φ = 1.2 as Fenland's,
        // z = (4^(2/3) − 20^(2/3))/((2/3)·20^(1/6)·√1.3) = (2.519842 − 7.368063)/1.252330 = −3.871361,
        // p_down = P(T6 < −3.871361) = 0.00412643. Sorted: 0.00412643 (i=1), 0.0588142 (i=2), 0.941186 (i=3):
        // adjusted: 0.941186; min(0.941186, 3·0.0588142/2 = 0.0882213); min(0.0882213, 3·0.00412643 = 0.0123793).
        assertThat(m.figure(1).getZ()).isCloseTo(-3.871360811, within(1e-8));
        assertThat(m.figure(1).getPAdjustedDown()).isCloseTo(0.0123792815, within(1e-9));
        assertThat(m.figure(0).getPAdjustedUp()).isCloseTo(0.0882213, within(1e-7));
        assertThat(m.figure(1).isExceptionalLow()).isTrue();
        assertThat(m.figure(0).isExceptionalHigh()).isFalse();
    }

    @Test
    void theYearOnYearSizeFilterComesAfterTheTestAndCannotShrinkTheFamily() {
        // τ0 = 0 (so φ0 = 1) and h out of reach keep the arithmetic short. Two series, M = month 23:
        //   big:   12 months of 1000, then 12 of 1040: A = 12,480, B = 12,000, change = +4 %
        //   small: 12 months of 100, then 12 of 125:   A = 1,500,  B = 1,200,  change = +25 %
        // φ(M) from months 12–22 (x = a, E(m) = ((24 − m)·b + (m − 12)·a)/12), r² = (a − E)²/(E·13/12):
        //   m:      12     13     14     15     16     17     18     19     20     21     22     Σ
        //   big:    1.4769 1.2369 1.0188 0.8225 0.6478 0.4943 0.3620 0.2506 0.1598 0.0896 0.0397 6.5990
        //   small:  5.7692 4.7488 3.8462 3.0543 2.3669 1.7779 1.2821 0.8741 0.5495 0.3036 0.1326 24.7052
        // big:   φ = max(1, (6.5990 + 6)/17) = 1;   z_year = 480/√(1·24,480) = 3.067860; p_up (t, 17 df) = 0.00348396
        // small: φ = (24.7052 + 6)/17 = 1.806189;    z_year = 300/√(1.806189·2,700) = 4.295936; p_up = 0.000244618
        // Family: both figures × both directions = 4 (both (A + B)/24 ≥ 5). BH: small up 4·0.000244618/1 = 0.000978473,
        // big up min(4·0.00348396/2, …) = 0.00696793: both rejected at 0.05. The size filter then keeps small
        // (+25 % ≥ 10 %) and drops big (+4 %); big stays in the family: small's p_adjusted is 4·p, not 2·p.
        CalibrationSettings s = CalibrationSettings.from(Map.of("signals.tau0", "0", "signals.cusum-h", "1e9"));
        double[] big = repeat(12, 1000, repeat(12, 1040)), small = repeat(12, 100, repeat(12, 125));
        Calibration calibration = new Calibration(java.util.List.of(district("Fenland", big), district("Cambridge", small)), s);
        CalibratedMonth m = calibration.at(JAN_2024 + 23);
        Figure b = m.figure(0), sm = m.figure(1);
        assertThat(b.getPhi()).isEqualTo(1);
        assertThat(sm.getPhi()).isCloseTo(1.806188602, within(1e-8));
        assertThat(b.getZYear()).isCloseTo(3.067859955, within(1e-8));
        assertThat(sm.getZYear()).isCloseTo(4.295936210, within(1e-8));
        assertThat(b.getChange()).isCloseTo(0.04, within(1e-12));
        assertThat(m.testedYear()).isEqualTo(4);
        assertThat(sm.getPYearAdjustedUp()).isCloseTo(0.000978473269, within(1e-10));
        assertThat(b.getPYearAdjustedUp()).isCloseTo(0.00696792507, within(1e-10));
        assertThat(sm.isYearOnYearRise()).isTrue();
        assertThat(b.isYearOnYearRise()).isFalse();
        assertThat(b.isYearOnYearFall()).isFalse();
        // the table assumes no S1 or S2 signal in months 12–22 (none left out of φ): check it
        calibration.run(JAN_2024 + 22, month -> {
            for (int i = 0; i < 2; i++) assertThat(month.anySignal(i)).as(month.yearMonth() + " series " + i).isFalse();
        });
    }

    @Test
    void exactlyTheMinimumChangePasses() {
        assertThat(Signals.bigChange(110, 100, 10, true)).isTrue();
        assertThat(Signals.bigChange(90, 100, 10, false)).isTrue();
        assertThat(Signals.bigChange(90.5, 100, 10, false)).isFalse();
        assertThat(Signals.bigChange(120, 0, 10, true)).isTrue();
        assertThat(Signals.bigChange(0, 0, 10, true)).isFalse();
    }
}
