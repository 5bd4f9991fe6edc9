package org.perfalert.bench.quality;

import org.perfalert.alerts.EmailPlan;
import org.perfalert.alerts.EmailPlanner;
import org.perfalert.model.ExceptionKind;
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
 * with any signal, section-5 exceptions and the notable ones per rule, and what the alert stages would
 * email. With the rule engine (the real pack) everything is what the pack raises and judges; without it
 * (the fast test's detection only) the signals are the calibration's own decisions.
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
    /** rule → {exceptions, notable as the pack judged it, notable at each OTHER_MIN_Z}. */
    final Map<String, long[]> rules = new TreeMap<>();
    /** Through the alert stages' email plan (EmailPlanner, as the run and `recipients` plan): per force-month. */
    long emails, itemsEmailed, monthsWithEmail, seriesEmailed;
    int mostItemsInAnEmail;

    NoChange(int firstEvaluated, int lastEvaluated) {
        this.firstEvaluated = firstEvaluated;
        this.lastEvaluated = lastEvaluated;
    }

    /**
     * Adds one replicate: its calibration month by month, and (when engine is given) the rule pack's
     * exceptions of each evaluated month. Returns the signal bits [series][month] of the replicate.
     */
    int[][] add(List<SeriesInput> series, CalibrationSettings settings, Evaluator engine) { return add(series, settings, engine, null); }

    /**
     * Adds one replicate: its calibration month by month and, when engine is given, the rule pack's exceptions of
     * each evaluated month (and the month before, for what is new) and the planner's emails of them. Returns the
     * signal bits [series][month] of the replicate: the pack's signal exceptions, or without an engine the
     * calibration's own decisions.
     */
    int[][] add(List<SeriesInput> series, CalibrationSettings settings, Evaluator engine, EmailPlanner planner) {
        int n = series.size(), months = lastEvaluated + 1;
        int[][] bits = new int[n][months];
        int first = series.get(0).first();
        List<CalibratedMonth> evaluated = new ArrayList<>();
        new Calibration(series, settings).run(first + lastEvaluated, m -> {
            int at = m.month() - first;
            if (engine == null) for (int i = 0; i < n; i++) bits[i][at] = Judged.signals(m.figure(i));
            if (at >= firstEvaluated) evaluated.add(m);
        });
        if (engine != null) exceptions(series, evaluated, settings, engine, planner, bits);
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
        return bits;
    }

    /** The observations of simulated series, as the service would load them. */
    static List<Observation> observations(List<SeriesInput> series) {
        List<Observation> observations = new ArrayList<>();
        for (SeriesInput s : series)
            for (int m = s.first(); m < s.end(); m++)
                if (!Double.isNaN(s.value(m)))
                    observations.add(new Observation(SeriesInput.month(m), s.metric(), s.level(), s.area(), s.value(m), null, null));
        return observations;
    }

    /** The bit of a signal rule (SIGNAL_RULES order), -1 for any other rule. */
    static int signalBit(String rule) {
        for (int r = 0; r < Judged.SIGNAL_RULES.length; r++) if (Judged.SIGNAL_RULES[r].equals(rule)) return r;
        return -1;
    }

    private void exceptions(List<SeriesInput> series, List<CalibratedMonth> months, CalibrationSettings settings, Evaluator engine,
                            EmailPlanner planner, int[][] bits) {
        Map<SeriesKey, Integer> index = new HashMap<>();
        for (int i = 0; i < series.size(); i++) index.put(new SeriesKey(series.get(i).metric(), series.get(i).level(), series.get(i).area()), i);
        SeriesBuilder history = engine.history(observations(series));
        List<CalibrationSettings> tried = new ArrayList<>();
        for (double z : OTHER_MIN_Z) tried.add(withMinZ(settings, z));
        int first = series.get(0).first();
        List<PerformanceException> before = engine.evaluate(history, SeriesInput.month(first + firstEvaluated - 1));
        mark(before, index, bits, firstEvaluated - 1);
        for (CalibratedMonth month : months) {
            List<PerformanceException> found = engine.evaluate(history, month.yearMonth());
            mark(found, index, bits, month.month() - first);
            List<Set<SeriesKey>> notable = new ArrayList<>();
            for (int j = 0; j <= tried.size(); j++) notable.add(new HashSet<>());
            for (PerformanceException e : found) {
                if (e.kind() == ExceptionKind.SIGNAL) continue;
                long[] tally = rules.computeIfAbsent(e.rule(), k -> new long[2 + tried.size()]);
                tally[0]++;
                if (e.notable()) { tally[1]++; notable.get(0).add(e.seriesKey()); }
                for (int j = 0; j < tried.size(); j++)
                    if (Judged.notable(e, month, index.get(e.seriesKey()), tried.get(j))) {
                        tally[2 + j]++;
                        notable.get(1 + j).add(e.seriesKey());
                    }
            }
            for (int j = 0; j < notable.size(); j++) figuresWithNotable[j] += notable.get(j).size();
            if (planner != null) email(planner.plan(month.yearMonth(), EmailPlanner.asRaised(found, before)));
            before = found;
        }
    }

    private static void mark(List<PerformanceException> found, Map<SeriesKey, Integer> index, int[][] bits, int at) {
        for (PerformanceException e : found) {
            int r = signalBit(e.rule());
            if (r >= 0) bits[index.get(e.seriesKey())][at] |= 1 << r;
        }
    }

    /** One month's email plan: emails, items, series (every alert an emailed item carries, folded ones too). */
    private void email(EmailPlan plan) {
        Set<SeriesKey> emailed = new HashSet<>();
        for (EmailPlan.LeadEmail e : plan.emails()) {
            emails++;
            itemsEmailed += e.items().size();
            mostItemsInAnEmail = Math.max(mostItemsInAnEmail, e.items().size());
            e.items().forEach(i -> i.withFolded().forEach(f -> emailed.add(f.exception().seriesKey())));
        }
        if (!plan.emails().isEmpty()) monthsWithEmail++;
        seriesEmailed += emailed.size();
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
