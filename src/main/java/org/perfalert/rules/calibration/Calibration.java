package org.perfalert.rules.calibration;

import org.perfalert.model.AreaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The calibrated statistic of every figure (SIGNALS.md 1) and the signal decisions the history needs
 * (SIGNALS.md 2), computed forward over all series together, one month after another from the first
 * month with data: Benjamini–Hochberg needs every count figure of a month, φ leaves out the months
 * that carried an S1 or S2 signal, and the CUSUMs run forward. A month's result depends on no later
 * month, so evaluating a month alone gives exactly what the same month gives inside a longer run.
 */
public final class Calibration {
    private final List<SeriesInput> series;
    private final CalibrationSettings settings;
    private final int first, end;                // the months [first, end) that hold any value
    private final int[] metricOf;                // each series' metric, numbered
    private final SeriesInput[] forceOfMetric;   // the FORCE series of each count metric, or null
    private final SpreadStatistic[] spread;      // for the series that are not counts

    public Calibration(List<SeriesInput> series, CalibrationSettings settings) {
        this.series = List.copyOf(series);
        this.settings = settings;
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (SeriesInput s : this.series) {
            if (s.values().length == 0) continue;
            lo = Math.min(lo, s.first());
            hi = Math.max(hi, s.end());
        }
        first = lo == Integer.MAX_VALUE ? 0 : lo;
        end = hi == Integer.MIN_VALUE ? 0 : hi;
        Map<String, Integer> metrics = new HashMap<>();
        List<SeriesInput> forces = new ArrayList<>();
        metricOf = new int[this.series.size()];
        spread = new SpreadStatistic[this.series.size()];
        for (int i = 0; i < metricOf.length; i++) {
            SeriesInput s = this.series.get(i);
            Integer number = metrics.get(s.metric());
            if (number == null) {
                number = forces.size();
                metrics.put(s.metric(), number);
                forces.add(null);
            }
            metricOf[i] = number;
            if (s.counted() && s.level() == AreaType.FORCE && forces.get(number) == null) forces.set(number, s);
            if (!s.counted()) spread[i] = new SpreadStatistic(s, settings.baselineMonths());
        }
        forceOfMetric = forces.toArray(new SeriesInput[0]);
    }

    public CalibrationSettings settings() { return settings; }

    public List<SeriesInput> series() { return series; }

    /** The first month with any value (a month index). */
    public int firstMonth() { return first; }

    /** The last month with any value. */
    public int lastMonth() { return end - 1; }

    /** Runs from the first month through the given month and returns that month's result. */
    public CalibratedMonth at(int month) {
        CalibratedMonth[] last = new CalibratedMonth[1];
        run(month, m -> { if (m.month == month) last[0] = m; });
        if (last[0] == null) throw new IllegalArgumentException("month " + SeriesInput.month(month) + " is before the first figure");
        return last[0];
    }

    /** Runs forward from the first month through the given month, handing each month's result over in order. */
    public void run(int through, Consumer<CalibratedMonth> each) {
        int months = Math.max(0, Math.min(through, end - 1) - first + 1);
        History history = new History(first, months, series.size());
        Cusum cusum = new Cusum(series.size(), settings.cusumK(), settings.cusumH());
        CountStatistic counts = new CountStatistic(settings);
        for (int month = first; month < first + months; month++) {
            CalibratedMonth out = new CalibratedMonth(history, month, series);
            evaluate(month, out, counts, cusum, history);
            each.accept(out);
        }
    }

    private void evaluate(int month, CalibratedMonth out, CountStatistic counts, Cusum cusum, History history) {
        double[][] season = new double[forceOfMetric.length][], inverse = new double[forceOfMetric.length][];
        for (int i = 0; i < series.size(); i++) {
            SeriesInput s = series.get(i);
            if (Double.isNaN(s.value(month))) continue;
            out.present[i] = true;
            if (s.counted()) {
                int metric = metricOf[i];
                if (season[metric] == null) {
                    season[metric] = SeasonalIndex.at(forceOfMetric[metric], month, settings);
                    inverse[metric] = new double[12];
                    for (int moy = 0; moy < 12; moy++) inverse[metric][moy] = 1 / season[metric][moy];
                }
                counts.compute(s, i, season[metric], inverse[metric], history, out);
                if (!Double.isNaN(out.z[i]) && out.expected[i] >= settings.minExpected())
                    out.signals[i] |= (byte) cusum.step(i, month, out.z[i], out);
            } else {
                spread[i].compute(i, settings, out);
            }
            history.setZ(i, month, out.z[i]);
        }
        Signals.exceptional(out, settings);
        Signals.yearOnYear(out, settings);
        int s1s2 = CalibratedMonth.EXCEPTIONAL_HIGH | CalibratedMonth.EXCEPTIONAL_LOW
                | CalibratedMonth.SUSTAINED_RISE | CalibratedMonth.SUSTAINED_FALL;
        for (int i = 0; i < series.size(); i++)
            if ((out.signals[i] & s1s2) != 0) history.signal(i, month);
    }

    /** What a run remembers of earlier months: each figure's z and whether it carried an S1 or S2 signal. */
    static final class History {
        private final int first, months;
        private final double[] z;
        private final boolean[] signalled;

        History(int first, int months, int series) {
            this.first = first;
            this.months = Math.max(1, months);
            z = new double[series * this.months];
            java.util.Arrays.fill(z, Double.NaN);
            signalled = new boolean[z.length];
        }

        private int at(int i, int m) {
            int offset = m - first;
            return offset < 0 || offset >= months ? -1 : i * months + offset;
        }

        void setZ(int i, int m, double value) { z[at(i, m)] = value; }

        void signal(int i, int m) { signalled[at(i, m)] = true; }

        /** z(m) of series i as computed when m was evaluated (NaN when none, or m not run yet). */
        double z(int i, int m) {
            int at = at(i, m);
            return at < 0 ? Double.NaN : z[at];
        }

        /** Whether series i carried an S1 or S2 signal at month m. */
        boolean signalled(int i, int m) {
            int at = at(i, m);
            return at >= 0 && signalled[at];
        }
    }
}
