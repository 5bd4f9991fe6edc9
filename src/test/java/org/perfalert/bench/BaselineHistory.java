package org.perfalert.bench;

import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;
import java.util.function.Consumer;

/**
 * The hand-written baseline's own history, from figures read from files: one array per series over
 * the months of the data, with area and force counts added up from their districts where not given
 * (CONTRACT.md 5.1), as perfalert does. Plain code a programmer would write for the same job.
 */
final class BaselineHistory {
    private BaselineHistory() { }

    /** The observations source hands out, for the configured metrics and areas only. */
    static BaselineEvaluator read(Consumer<Consumer<Observation>> source, Catalogue catalogue, Areas areas) {
        Map<SeriesKey, Column> bySeries = new HashMap<>();
        source.accept(o -> {
            if (!catalogue.contains(o.metric()) || !areas.contains(o.areaType(), o.area())) return;
            bySeries.computeIfAbsent(o.key(), k -> new Column()).put(index(o.month()), o);
        });
        if (bySeries.isEmpty()) return new BaselineEvaluator(YearMonth.of(2000, 1), List.of());
        int first = bySeries.values().stream().mapToInt(c -> c.first).min().orElseThrow();
        int last = bySeries.values().stream().mapToInt(Column::last).max().orElseThrow();
        int months = last - first + 1;
        Map<SeriesKey, BaselineEvaluator.Track> tracks = new TreeMap<>();
        bySeries.forEach((key, c) -> tracks.put(key, new BaselineEvaluator.Track(catalogue.get(key.metric()), key.areaType(), key.area(),
                c.values(first, months), c.num == null ? null : c.fractions(c.num, first, months),
                c.den == null ? null : c.fractions(c.den, first, months))));
        addUpTotals(tracks, catalogue, areas, months);
        return new BaselineEvaluator(month(first), new ArrayList<>(tracks.values()));
    }

    /** One series' figures as they are read: arrays from its first month, grown as later (or earlier) months come. */
    private static final class Column {
        int first = Integer.MIN_VALUE;
        double[] v = new double[0];
        long[] num, den;

        void put(int month, Observation o) {
            if (first == Integer.MIN_VALUE) first = month;
            if (month < first) grow(month, first + v.length - 1);
            else if (month >= first + v.length) grow(first, Math.max(month, first + 2 * v.length)); // room for the months to come
            v[month - first] = o.value();
            if (o.hasFraction()) {
                if (num == null) { num = filled(v.length); den = filled(v.length); }
                num[month - first] = o.numerator();
                den[month - first] = o.denominator();
            }
        }

        private void grow(int from, int to) {
            double[] nv = new double[to - from + 1];
            Arrays.fill(nv, Double.NaN);
            System.arraycopy(v, 0, nv, first - from, v.length);
            if (num != null) { num = moved(num, from, to); den = moved(den, from, to); }
            v = nv;
            first = from;
        }

        private long[] moved(long[] a, int from, int to) {
            long[] b = filled(to - from + 1);
            System.arraycopy(a, 0, b, first - from, a.length);
            return b;
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, Long.MIN_VALUE);
            return a;
        }

        /** The last month given (the arrays may have room beyond it). */
        int last() {
            for (int i = v.length - 1; i >= 0; i--) if (!Double.isNaN(v[i])) return first + i;
            return first;
        }

        double[] values(int from, int months) {
            double[] out = new double[months];
            Arrays.fill(out, Double.NaN);
            System.arraycopy(v, 0, out, first - from, Math.min(v.length, months - (first - from)));
            return out;
        }

        long[] fractions(long[] a, int from, int months) {
            long[] out = filled(months);
            System.arraycopy(a, 0, out, first - from, Math.min(a.length, months - (first - from)));
            return out;
        }
    }

    /** An area's or the force's count where it is missing: the sum of its districts, when all have one. */
    private static void addUpTotals(Map<SeriesKey, BaselineEvaluator.Track> tracks, Catalogue catalogue, Areas areas, int months) {
        for (Metric metric : catalogue.all()) {
            if (!metric.isCount()) continue;
            for (Area total : areas.all()) {
                if (total.type() == AreaType.DISTRICT) continue;
                List<double[]> parts = new ArrayList<>();
                for (String d : areas.districtsUnder(total)) {
                    BaselineEvaluator.Track t = tracks.get(new SeriesKey(metric.id(), AreaType.DISTRICT, d));
                    if (t == null) { parts = null; break; }
                    parts.add(t.v());
                }
                if (parts == null || parts.isEmpty()) continue;
                SeriesKey key = new SeriesKey(metric.id(), total.type(), total.name());
                BaselineEvaluator.Track given = tracks.get(key);
                double[] v = given != null ? given.v() : new double[months];
                if (given == null) Arrays.fill(v, Double.NaN);
                boolean any = given != null;
                for (int m = 0; m < months; m++) {
                    if (!Double.isNaN(v[m])) continue;
                    double sum = 0;
                    for (double[] part : parts) sum += part[m]; // NaN when a district lacks the month
                    v[m] = sum;
                    any |= !Double.isNaN(sum);
                }
                if (given == null && any) tracks.put(key, new BaselineEvaluator.Track(metric, total.type(), total.name(), v, null, null));
            }
        }
    }

    private static int index(YearMonth m) { return m.getYear() * 12 + m.getMonthValue() - 1; }

    private static YearMonth month(int index) { return YearMonth.of(index / 12, index % 12 + 1); }
}
