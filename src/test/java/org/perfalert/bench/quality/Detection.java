package org.perfalert.bench.quality;

import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.model.AreaType;
import org.perfalert.rules.calibration.Calibration;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.SeriesInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The detection rows of SIGNALS.md 5: changes planted one at a time in a replicate, each followed by
 * the rule pack over the whole force (the calibration on the fact, rules/signals.drl deciding); a change
 * counts as caught when its series carries an upward signal exception (exceptional-high, sustained-rise
 * or year-on-year-rise) in one of the `window` months from the change's first month. Without an engine
 * (not the benchmark) the calibration's own decisions stand in for the rules. Beside it, how often the same series in the same months of the same
 * replicate without the change carries one ("caught" by chance).
 */
final class Detection {
    /** One row: what is planted where, the window, and the tallies. */
    static final class Row {
        final String name;
        final int window;
        long planted, caught, byChance;

        Row(String name, int window) {
            this.name = name;
            this.window = window;
        }

        double rate() { return planted == 0 ? Double.NaN : (double) caught / planted; }
        double chance() { return planted == 0 ? Double.NaN : (double) byChance / planted; }
    }

    final Row stepLarge = new Row("×1.3 step, district series averaging ≥ 200 a month, within 3 months", 3);
    final Row stepMedium = new Row("×1.3 step, district series averaging 50–199, within 6 months", 6);
    final Row typeWide3 = new Row("×1.3 step in one crime type force-wide (force series), within 3 months", 3);
    final Row typeWide6 = new Row("×1.3 step in one crime type force-wide (force series), within 6 months", 6);
    final Row ramp = new Row("ramp to ×1.3 over 12 months, force series ≥ 200, within 12 months", 12);
    final List<Row> rows = List.of(stepLarge, stepMedium, typeWide3, typeWide6, ramp);
    private final Evaluator engine;

    Detection() { this(null); }

    /** engine: the rule pack that decides the signals (null: the calibration's own decisions). */
    Detection(Evaluator engine) { this.engine = engine; }

    /** Plants every change in a replicate, its first month at start; nullBits: the replicate's own signals. */
    void add(SimulatedForce force, SimulatedForce.Replicate base, int[][] nullBits, int start, CalibrationSettings settings,
             ForceModel model) {
        List<SimulatedForce.Key> keys = force.keys();
        for (int i = 0; i < keys.size(); i++) {
            SimulatedForce.Key key = keys.get(i);
            double mean = force.mean(key);
            int type = key.type() < 0 ? SimulatedForce.Change.ALL_TYPES : key.type();
            if (SimulatedForce.isDistrict(key) && mean >= 50) {
                int district = model.districts().indexOf(key.place().name());
                Row row = mean >= 200 ? stepLarge : stepMedium;
                plant(force, base, new SimulatedForce.Change(type, district, start, false, 1.3), i, start, nullBits, settings, List.of(row));
            }
            if (key.place().type() == AreaType.FORCE && key.type() >= 0) {
                plant(force, base, new SimulatedForce.Change(type, SimulatedForce.Change.ALL_DISTRICTS, start, false, 1.3), i, start,
                        nullBits, settings, List.of(typeWide3, typeWide6));
                if (mean >= 200)
                    plant(force, base, new SimulatedForce.Change(type, SimulatedForce.Change.ALL_DISTRICTS, start, true, 1.3), i,
                            start, nullBits, settings, List.of(ramp));
            }
        }
    }

    private void plant(SimulatedForce force, SimulatedForce.Replicate base, SimulatedForce.Change change, int series, int start,
                       int[][] nullBits, CalibrationSettings settings, List<Row> rows) {
        List<SeriesInput> inputs = force.series(force.with(base, change));
        int first = inputs.get(0).first(), longest = rows.stream().mapToInt(r -> r.window).max().orElse(1);
        List<Integer> upMonths = new ArrayList<>();
        if (engine == null) new Calibration(inputs, settings).run(first + start + longest - 1, m -> {
            int at = m.month() - first;
            if (at >= start && (Judged.signals(m.figure(series)) & Judged.UP) != 0) upMonths.add(at);
        });
        else {
            SeriesInput planted = inputs.get(series);
            SeriesKey key = new SeriesKey(planted.metric(), planted.level(), planted.area());
            SeriesBuilder history = engine.history(NoChange.observations(inputs));
            for (int at = start; at < start + longest && upMonths.isEmpty(); at++)   // the first month caught is enough
                for (PerformanceException e : engine.evaluate(history, SeriesInput.month(first + at))) {
                    int r = NoChange.signalBit(e.rule());
                    if (r >= 0 && (1 << r & Judged.UP) != 0 && e.seriesKey().equals(key)) { upMonths.add(at); break; }
                }
        }
        for (Row row : rows) {
            row.planted++;
            if (upMonths.stream().anyMatch(at -> at < start + row.window)) row.caught++;
            for (int at = start; at < start + row.window; at++)
                if ((nullBits[series][at] & Judged.UP) != 0) { row.byChance++; break; }
        }
    }
}
