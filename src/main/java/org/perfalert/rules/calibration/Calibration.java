package org.perfalert.rules.calibration;

import org.perfalert.model.AreaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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
    private final Totals[] totals;               // for the count series

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
        totals = new Totals[this.series.size()];
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
            if (s.counted()) totals[i] = new Totals(s);
            else spread[i] = new SpreadStatistic(s, settings.baselineMonths());
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
        if (month < first || month >= end) throw new IllegalArgumentException("month " + SeriesInput.month(month) + " has no figure");
        return forward().to(month);
    }

    /** Runs forward from the first month through the given month, handing each month's result over in order. */
    public void run(int through, Consumer<CalibratedMonth> each) { run(first, through, each); }

    /**
     * Runs forward from the first month through the given month, handing over the results of the
     * months from `from` on, in order (the earlier months are still computed: later ones depend on them).
     */
    public void run(int from, int through, Consumer<CalibratedMonth> each) {
        Forward f = forward();
        for (int month = Math.max(from, first); month <= Math.min(through, end - 1); month++) each.accept(f.to(month));
    }

    /** A run forward from the first month that goes as far as it is asked, one month at a time (see {@link Forward}). */
    public Forward forward() { return new Forward(this); }

    /**
     * One month of a run: the statistic of every series at it, then the month-wide decisions. The
     * series' own statistics are independent of each other within a month, so large runs share them out
     * over the cores in fixed slices (the result does not depend on how they are shared).
     */
    void month(int month, CalibratedMonth out, CountStatistic[] counts, Cusum cusum, History history, Signals.Family family) {
        Seasons seasons = seasons(month);
        int slices = counts.length;
        if (slices == 1) figures(month, 0, series.size(), out, counts[0], seasons, cusum, history);
        else IntStream.range(0, slices).parallel().forEach(c -> figures(month, series.size() * c / slices,
                series.size() * (c + 1) / slices, out, counts[c], seasons, cusum, history));
        decide(out, history, family);
    }

    /** How many slices a month's series are shared out in. */
    int slices() {
        return series.size() < SERIES_PER_SLICE ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), series.size() / SERIES_PER_SLICE);
    }

    private static final int SERIES_PER_SLICE = 20_000;

    /** Each count metric's seasonal index for a month, and its inverse. */
    private record Seasons(double[][] index, double[][] inverse) { }

    private Seasons seasons(int month) {
        double[][] index = new double[forceOfMetric.length][], inverse = new double[forceOfMetric.length][];
        for (int metric = 0; metric < index.length; metric++) {
            index[metric] = SeasonalIndex.at(forceOfMetric[metric], month, settings);
            inverse[metric] = new double[12];
            for (int moy = 0; moy < 12; moy++) inverse[metric][moy] = 1 / index[metric][moy];
        }
        return new Seasons(index, inverse);
    }

    /** The statistic of the series from..to−1 at a month, and their CUSUMs. */
    private void figures(int month, int from, int to, CalibratedMonth out, CountStatistic counts, Seasons seasons,
                         Cusum cusum, History history) {
        for (int i = from; i < to; i++) {
            SeriesInput s = series.get(i);
            if (Double.isNaN(s.value(month))) continue;
            out.present[i] = true;
            if (s.counted()) {
                int metric = metricOf[i];
                counts.compute(s, totals[i], i, seasons.index[metric], seasons.inverse[metric], history, out);
                if (!Double.isNaN(out.z[i]) && out.expected[i] >= settings.minExpected())
                    out.signals[i] |= (byte) cusum.step(i, month, out.z[i], out);
            } else {
                spread[i].compute(i, settings, out);
            }
            history.setZ(i, month, out.z[i]);
        }
    }

    /** The month-wide decisions, and what the next months remember of them. */
    private void decide(CalibratedMonth out, History history, Signals.Family family) {
        Signals.exceptional(out, settings, family);
        Signals.yearOnYear(out, settings, family);
        int s1s2 = CalibratedMonth.EXCEPTIONAL_HIGH | CalibratedMonth.EXCEPTIONAL_LOW
                | CalibratedMonth.SUSTAINED_RISE | CalibratedMonth.SUSTAINED_FALL;
        for (int i = 0; i < series.size(); i++) history.monthDone(i, (out.signals[i] & s1s2) != 0);
    }

    /**
     * What a run remembers of earlier months: each figure's z, and for each series which of the last
     * 64 months carried an S1 or S2 signal (bit j: month M − 1 − j, as M is evaluated).
     */
    static final class History {
        private final int first, months;
        private final double[] z;
        private final long[] recentSignals;

        History(int first, int months, int series) {
            this.first = first;
            this.months = Math.max(1, months);
            z = new double[series * this.months];
            java.util.Arrays.fill(z, Double.NaN);
            recentSignals = new long[series];
        }

        private int at(int i, int m) {
            int offset = m - first;
            return offset < 0 || offset >= months ? -1 : i * months + offset;
        }

        void setZ(int i, int m, double value) { z[at(i, m)] = value; }

        /** z(m) of series i as computed when m was evaluated (NaN when none, or m not run yet). */
        double z(int i, int m) {
            int at = at(i, m);
            return at < 0 ? Double.NaN : z[at];
        }

        /** The signals of the months before M: bit j is month M − 1 − j. */
        long recentSignals(int i) { return recentSignals[i]; }

        /** Month M is done: its signals become bit 0 of the months before M + 1. */
        void monthDone(int i, boolean signalled) { recentSignals[i] = recentSignals[i] << 1 | (signalled ? 1 : 0); }
    }
}
