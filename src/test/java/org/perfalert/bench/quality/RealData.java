package org.perfalert.bench.quality;

import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.model.Area;
import org.perfalert.model.Metric;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.rules.calibration.CalibratedMonth;
import org.perfalert.rules.calibration.Calibration;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.Figure;
import org.perfalert.rules.calibration.SeriesInput;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The police.uk sample (24 street files, 2024-01 … 2025-12) read as the service reads them, then month
 * by month in 2025: today's section-5 exceptions, the notable ones, and the signals — the series that
 * carry a new signal are the ones a lead would be emailed about (police.uk metrics have no thresholds).
 */
final class RealData {
    /** One month's figures. */
    record Month(YearMonth month, int exceptions, int notable, int[] newSignals, List<String> signalled) {
        int seriesEmailed() { return signalled.size(); }
    }

    final List<Month> months = new ArrayList<>();
    /** What the two acceptance series carry: "Cambridge drugs 2025-10: exceptional-high (z 3.4, …)". */
    final List<String> checks = new ArrayList<>();

    RealData(Path repo, Configuration config, Evaluator engine, CalibrationSettings settings) {
        List<Observation> observations = ObservationReader.readAll(List.of(repo.resolve("samples/policeuk/street")), config);
        SeriesBuilder history = engine.history(observations);
        YearMonth first = YearMonth.of(2024, 1), last = YearMonth.of(2025, 12);
        List<SeriesInput> inputs = new ArrayList<>();
        Map<SeriesKey, Integer> index = new HashMap<>();
        for (Metric metric : config.catalogue().all()) {
            if (!metric.id().startsWith("policeuk.")) continue;
            for (Area place : config.areas().all()) {
                SeriesKey key = new SeriesKey(metric.id(), place.type(), place.name());
                double[] v = new double[(int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1];
                Arrays.fill(v, Double.NaN);
                history.values(key, first, last).forEach((m, x) -> v[(int) first.until(m, java.time.temporal.ChronoUnit.MONTHS)] = x);
                index.put(key, inputs.size());
                inputs.add(new SeriesInput(metric.id(), metric.isCount(), place.type(), place.name(), SeriesInput.monthIndex(first), v, null, null));
            }
        }
        int[] before = new int[inputs.size()];
        new Calibration(inputs, settings).run(SeriesInput.monthIndex(last), m -> {
            int[] now = new int[inputs.size()];
            for (int i = 0; i < now.length; i++) now[i] = Judged.signals(m.figure(i));
            if (m.yearMonth().getYear() == 2025) months.add(month(m, now, before, inputs, index, engine, history, settings));
            check(m, inputs, "policeuk.drugs", "Cambridge", YearMonth.of(2025, 10));
            check(m, inputs, "policeuk.drugs", "Peterborough", YearMonth.of(2025, 9));
            System.arraycopy(now, 0, before, 0, now.length);
        });
    }

    private static Month month(CalibratedMonth m, int[] now, int[] before, List<SeriesInput> inputs, Map<SeriesKey, Integer> index,
                               Evaluator engine, SeriesBuilder history, CalibrationSettings settings) {
        int exceptions = 0, notable = 0;
        for (PerformanceException e : engine.evaluate(history, m.yearMonth())) {
            Integer i = index.get(e.seriesKey());
            if (i == null) continue;
            exceptions++;
            if (Judged.notable(e, m, i, settings)) notable++;
        }
        int[] fresh = new int[6];
        List<String> signalled = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            int bits = now[i] & ~before[i];
            if (bits == 0) continue;
            List<String> rules = new ArrayList<>();
            for (int r = 0; r < 6; r++) if ((bits & 1 << r) != 0) { fresh[r]++; rules.add(Judged.SIGNAL_RULES[r]); }
            SeriesInput s = inputs.get(i);
            signalled.add(s.area() + " " + s.metric().substring("policeuk.".length()) + " " + rules);
        }
        return new Month(m.yearMonth(), exceptions, notable, fresh, signalled);
    }

    private void check(CalibratedMonth m, List<SeriesInput> inputs, String metric, String area, YearMonth month) {
        if (!m.yearMonth().equals(month)) return;
        for (int i = 0; i < inputs.size(); i++) {
            SeriesInput s = inputs.get(i);
            if (!s.metric().equals(metric) || !s.area().equals(area)) continue;
            Figure f = m.figure(i);
            List<String> rules = new ArrayList<>();
            int bits = Judged.signals(f);
            for (int r = 0; r < 6; r++) if ((bits & 1 << r) != 0) rules.add(Judged.SIGNAL_RULES[r]);
            checks.add(String.format(Locale.ROOT, "%s %s %s: x = %.0f, E = %.1f, φ = %.2f, z = %.2f, p_adjusted (up) = %s, C⁺ = %s, z_year = %s → %s",
                    area, metric, month, f.getValue(), f.getExpected(), f.getPhi(), f.getZ(), f.getPAdjustedUp(),
                    f.getCusumUp() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.getCusumUp()),
                    f.getZYear() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.getZYear()),
                    rules.isEmpty() ? "no signal" : String.join(", ", rules)));
        }
    }
}
