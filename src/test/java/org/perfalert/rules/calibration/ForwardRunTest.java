package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;
import org.perfalert.model.AreaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.rules.calibration.Inputs.JAN_2024;

/** A month evaluated alone gives exactly what the same month gives inside a longer run. */
class ForwardRunTest {
    private static final int MONTHS = 48, M = 40;

    /** Two count metrics (force, two areas, four districts; force seasonal), a rate and a percent, with gaps and spikes. */
    private static List<SeriesInput> data(int months) {
        Random r = new Random(12);
        List<SeriesInput> out = new ArrayList<>();
        for (String metric : List.of("burglary", "drugs")) {
            double[][] d = new double[4][months];
            for (int k = 0; k < 4; k++)
                for (int m = 0; m < months; m++) {
                    double mean = (10 + 30 * k) * (1 + 0.2 * Math.sin(2 * Math.PI * m / 12));
                    d[k][m] = Math.round(mean + Math.sqrt(3 * mean) * r.nextGaussian());
                    if (r.nextInt(40) == 0) d[k][m] *= 2; // a spike now and then: signals, left out of φ
                }
            d[1][20] = Double.NaN; // a gap
            double[] north = new double[months], south = new double[months], force = new double[months];
            for (int m = 0; m < months; m++) {
                north[m] = d[0][m] + d[1][m];
                south[m] = d[2][m] + d[3][m];
                force[m] = north[m] + south[m];
            }
            out.add(SeriesInput.count(metric, AreaType.FORCE, "Force", JAN_2024, force));
            out.add(SeriesInput.count(metric, AreaType.AREA, "North", JAN_2024, north));
            out.add(SeriesInput.count(metric, AreaType.AREA, "South", JAN_2024, south));
            for (int k = 0; k < 4; k++) out.add(SeriesInput.count(metric, AreaType.DISTRICT, "D" + k, JAN_2024, d[k]));
        }
        long[] num = new long[months], den = new long[months];
        double[] pct = new double[months], minutes = new double[months];
        for (int m = 0; m < months; m++) {
            den[m] = 200 + r.nextInt(50);
            num[m] = Math.round(den[m] * (0.3 + 0.05 * r.nextGaussian()));
            pct[m] = 100.0 * num[m] / den[m];
            minutes[m] = 12 + r.nextGaussian();
        }
        out.add(new SeriesInput("outcome_rate", false, AreaType.FORCE, "Force", JAN_2024, pct, num, den));
        out.add(new SeriesInput("answer_minutes", false, AreaType.FORCE, "Force", JAN_2024, minutes, null, null));
        return out;
    }

    /** The same series cut after the given number of months (the data a service has at that month). */
    private static List<SeriesInput> upTo(List<SeriesInput> all, int months) {
        return all.stream().map(s -> new SeriesInput(s.metric(), s.counted(), s.level(), s.area(), s.first(),
                Arrays.copyOf(s.values(), months), s.numerators() == null ? null : Arrays.copyOf(s.numerators(), months),
                s.denominators() == null ? null : Arrays.copyOf(s.denominators(), months))).toList();
    }

    @Test
    void aMonthAloneEqualsTheSameMonthInABacktest() {
        List<SeriesInput> all = data(MONTHS);
        CalibratedMonth[] inBacktest = new CalibratedMonth[1];
        int[] signals = {0};
        new Calibration(all, CalibrationSettings.DEFAULTS).run(JAN_2024 + MONTHS - 1, m -> {
            if (m.month() == JAN_2024 + M) inBacktest[0] = m;
            for (int i = 0; i < m.size(); i++) if (m.anySignal(i)) signals[0]++;
        });
        CalibratedMonth alone = new Calibration(upTo(all, M + 1), CalibrationSettings.DEFAULTS).at(JAN_2024 + M);
        assertThat(signals[0]).as("the data carry signals, so φ leaves months out").isPositive();
        assertSame(alone, inBacktest[0]);
    }

    private static void assertSame(CalibratedMonth a, CalibratedMonth b) {
        assertThat(a.size()).isEqualTo(b.size());
        assertThat(a.kind).isEqualTo(b.kind);
        assertThat(a.tested).isEqualTo(b.tested);
        assertThat(a.testedYear).isEqualTo(b.testedYear);
        double[][] left = columns(a), right = columns(b);
        for (int c = 0; c < left.length; c++) assertThat(left[c]).as("column " + c).isEqualTo(right[c]);
        assertThat(a.sinceUp).isEqualTo(b.sinceUp);
        assertThat(a.sinceDown).isEqualTo(b.sinceDown);
        assertThat(a.signals).isEqualTo(b.signals);
        for (int i = 0; i < a.size(); i++)
            for (int k = 0; k < 12; k++) assertThat(Double.valueOf(a.zAt(i, a.month() - k))).isEqualTo(Double.valueOf(b.zAt(i, b.month() - k)));
        assertThat(Arrays.stream(a.z).filter(z -> !Double.isNaN(z)).count()).isGreaterThan(10);
    }

    private static double[][] columns(CalibratedMonth m) {
        return new double[][] {m.expected, m.phi, m.z, m.months, m.df, m.pUp, m.pDown, m.pAdjustedUp, m.pAdjustedDown,
                m.cusumUp, m.cusumDown, m.rolling, m.previous, m.zYear, m.change, m.pYearUp, m.pYearDown,
                m.pYearAdjustedUp, m.pYearAdjustedDown, m.benchmarkRolling, m.benchmarkPrevious, m.zBench};
    }

    @Test
    void zOfLaterMonthsIsNeverVisible() {
        CalibratedMonth m = new Calibration(data(MONTHS), CalibrationSettings.DEFAULTS).at(JAN_2024 + M);
        assertThat(m.zAt(0, JAN_2024 + M + 1)).isNaN();
        assertThat(m.zAt(0, JAN_2024 + M)).isEqualTo(m.z[0]);
    }
}
