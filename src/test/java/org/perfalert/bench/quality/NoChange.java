package org.perfalert.bench.quality;

import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.rules.calibration.CalibratedMonth;
import org.perfalert.rules.calibration.Calibration;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.SeriesInput;

import java.util.*;

/**
 * The no-change rows of SIGNALS.md 5, summed over replicates: signals per series-month (new ones: the
 * same rule did not hold for the series the month before, as the alert store counts them), months
 * with any signal, and — through today's rule engine on the same figures — section-5 exceptions and
 * the notable ones, per rule.
 */
final class NoChange {
    final int firstEvaluated, lastEvaluated;
    long seriesMonths, forceMonths, monthsWithSignal, monthsWithNewSignal;
    /** notable.min-z values tried besides the settings' own (what would meet the notable targets). */
    static final double[] OTHER_MIN_Z = {2.33, 2.58};
    /**
     * Series-months (of the replicates run through the engine) with at least one notable exception — one
     * item each once the rules of a figure are folded — at the settings' min-z, then at each OTHER_MIN_Z.
     */
    final long[] figuresWithNotable = new long[1 + OTHER_MIN_Z.length];
    final long[] signals = new long[6], newSignals = new long[6];
    /** rule → {exceptions, notable at the settings' min-z, notable at each OTHER_MIN_Z}. */
    final Map<String, long[]> rules = new TreeMap<>();

    NoChange(int firstEvaluated, int lastEvaluated) {
        this.firstEvaluated = firstEvaluated;
        this.lastEvaluated = lastEvaluated;
    }

    /**
     * Adds one replicate: its calibration month by month, and (when engine is given) the rule pack's
     * exceptions of each evaluated month. Returns the signal bits [series][month] of the replicate.
     */
    int[][] add(List<SeriesInput> series, CalibrationSettings settings, Evaluator engine) {
        int n = series.size(), months = lastEvaluated + 1;
        int[][] bits = new int[n][months];
        int first = series.get(0).first();
        List<CalibratedMonth> evaluated = new ArrayList<>();
        new Calibration(series, settings).run(first + lastEvaluated, m -> {
            int at = m.month() - first;
            for (int i = 0; i < n; i++) bits[i][at] = Judged.signals(m.figure(i));
            if (at >= firstEvaluated) evaluated.add(m);
        });
        for (int at = firstEvaluated; at <= lastEvaluated; at++) {
            boolean any = false, anyNew = false;
            for (int i = 0; i < n; i++) {
                int now = bits[i][at], fresh = now & ~bits[i][at - 1];
                for (int r = 0; r < 6; r++) {
                    if ((now & 1 << r) != 0) signals[r]++;
                    if ((fresh & 1 << r) != 0) newSignals[r]++;
                }
                any |= now != 0;
                anyNew |= fresh != 0;
            }
            seriesMonths += n;
            forceMonths++;
            if (any) monthsWithSignal++;
            if (anyNew) monthsWithNewSignal++;
        }
        if (engine != null) exceptions(series, evaluated, settings, engine);
        return bits;
    }

    private void exceptions(List<SeriesInput> series, List<CalibratedMonth> months, CalibrationSettings settings, Evaluator engine) {
        List<Observation> observations = new ArrayList<>();
        Map<SeriesKey, Integer> index = new HashMap<>();
        for (int i = 0; i < series.size(); i++) {
            SeriesInput s = series.get(i);
            index.put(new SeriesKey(s.metric(), s.level(), s.area()), i);
            for (int m = s.first(); m < s.end(); m++)
                observations.add(new Observation(SeriesInput.month(m), s.metric(), s.level(), s.area(), s.value(m), null, null));
        }
        SeriesBuilder history = engine.history(observations);
        List<CalibrationSettings> tried = new ArrayList<>(List.of(settings));
        for (double z : OTHER_MIN_Z) tried.add(withMinZ(settings, z));
        for (CalibratedMonth month : months) {
            List<Set<SeriesKey>> notable = new ArrayList<>();
            tried.forEach(t -> notable.add(new HashSet<>()));
            for (PerformanceException e : engine.evaluate(history, month.yearMonth())) {
                long[] tally = rules.computeIfAbsent(e.rule(), k -> new long[1 + tried.size()]);
                tally[0]++;
                for (int j = 0; j < tried.size(); j++)
                    if (Judged.notable(e, month, index.get(e.seriesKey()), tried.get(j))) {
                        tally[1 + j]++;
                        notable.get(j).add(e.seriesKey());
                    }
            }
            for (int j = 0; j < tried.size(); j++) figuresWithNotable[j] += notable.get(j).size();
        }
    }

    private static CalibrationSettings withMinZ(CalibrationSettings s, double z) {
        return new CalibrationSettings(s.tau0(), s.priorMonths(), s.fdrQ(), s.cusumK(), s.cusumH(), s.minExpected(), s.minCount(),
                s.yearMinMonthlyMean(), s.yearMinChangePct(), z, s.baselineMonths(), s.dispersionMonths(), s.seasonalMonths(),
                s.seasonalMinMonths());
    }

    /** Per 100 series-months. */
    double per100(long count) { return 100.0 * count / seriesMonths; }

    long total(long[] counts) { return Arrays.stream(counts).sum(); }
}
