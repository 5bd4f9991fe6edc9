package org.perfalert.bench;

import org.perfalert.model.AreaType;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.time.YearMonth;
import java.util.*;

/**
 * A plain Java evaluator of a representative part of the standard rule pack, written from
 * CONTRACT.md section 5 on arrays (no Drools, no Series), with the pack's default settings. It is
 * the yardstick the engine is timed against, and the agreement test checks both find the same.
 */
public final class BaselineEvaluator {
    /** The rules this baseline knows (the engine is timed on a pack of just these). */
    public static final Set<String> RULES = Set.of("twelve-month-high", "twelve-month-low", "threshold-above",
            "threshold-below", "rolling-rise-streak", "rolling-fall-streak", "above-average-1yr", "below-average-1yr",
            "above-average-3yr", "below-average-3yr", "spc-outside-limits", "spc-shift");

    /** What a rule found: the identity of an exception, which way it goes (up: high, above, rise) and its evidence. */
    public record Finding(String rule, Metric metric, AreaType areaType, String area, YearMonth month, boolean up,
                          Map<String, Object> evidence) {
        public String fingerprint() { return rule + "|" + metric.id() + "|" + areaType.id() + "|" + area + "|" + month; }
    }

    /** One metric in one place: values by month index (NaN = missing), fractions when it is a rate. */
    record Track(Metric metric, AreaType type, String area, double[] v, long[] num, long[] den) { }

    private final List<Track> tracks = new ArrayList<>();
    private final YearMonth first;

    public BaselineEvaluator(SyntheticData data) {
        first = data.month(0);
        data.forEachBlock(b -> {
            for (int p = 0; p < data.places().size(); p++)
                tracks.add(new Track(b.metric(), data.places().get(p).type(), data.places().get(p).name(), b.values()[p],
                        b.numerators() == null ? null : b.numerators()[p], b.denominators() == null ? null : b.denominators()[p]));
        });
    }

    /** Over figures read from files (see BaselineHistory): one array per series from the first month. */
    BaselineEvaluator(YearMonth first, List<Track> tracks) {
        this.first = first;
        this.tracks.addAll(tracks);
    }

    YearMonth month(int index) { return first.plusMonths(index); }

    public int months() { return tracks.isEmpty() ? 0 : tracks.get(0).v.length; }

    /** Everything found at month (an index from the first month). */
    public List<Finding> evaluate(int month) {
        List<Finding> out = new ArrayList<>();
        YearMonth at = first.plusMonths(month);
        for (Track t : tracks) {
            if (Double.isNaN(t.v[month])) continue;
            twelveMonth(t, month, at, out);
            thresholds(t, month, at, out);
            if (t.metric.unit() == Unit.COUNT) rollingStreak(t, month, at, out);
            average(t, month, 12, "1yr", at, out);
            average(t, month, 36, "3yr", at, out);
            spc(t, month, at, out);
        }
        return out;
    }

    private static boolean has(Track t, int m) { return m >= 0 && !Double.isNaN(t.v[m]); }

    private static Map<String, Object> evidence(double value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", value);
        return e;
    }

    private void add(List<Finding> out, String rule, Track t, YearMonth at, boolean up, Map<String, Object> e) {
        out.add(new Finding(rule, t.metric, t.type, t.area, at, up, e));
    }

    private void twelveMonth(Track t, int m, YearMonth at, List<Finding> out) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY, v = t.v[m];
        for (int k = m - 11; k < m; k++) {
            if (!has(t, k)) return;
            max = Math.max(max, t.v[k]);
            min = Math.min(min, t.v[k]);
        }
        if (v > max) {
            int since = m - 1;
            while (since >= 0 && !(has(t, since) && t.v[since] >= v)) since--;
            Map<String, Object> e = evidence(v);
            e.put("previous_max", max);
            e.put("since", since < 0 ? null : first.plusMonths(since).toString());
            add(out, "twelve-month-high", t, at, true, e);
        }
        if (v < min) {
            int since = m - 1;
            while (since >= 0 && !(has(t, since) && t.v[since] <= v)) since--;
            Map<String, Object> e = evidence(v);
            e.put("previous_min", min);
            e.put("since", since < 0 ? null : first.plusMonths(since).toString());
            add(out, "twelve-month-low", t, at, false, e);
        }
    }

    private void thresholds(Track t, int m, YearMonth at, List<Finding> out) {
        Double above = t.metric.thresholdAbove(), below = t.metric.thresholdBelow();
        if (above != null && t.v[m] > above) { Map<String, Object> e = evidence(t.v[m]); e.put("limit", above); add(out, "threshold-above", t, at, true, e); }
        if (below != null && t.v[m] < below) { Map<String, Object> e = evidence(t.v[m]); e.put("limit", below); add(out, "threshold-below", t, at, false, e); }
    }

    /** The 12-month total ending at m, or NaN when a month is missing. */
    private static double rolling(Track t, int m) {
        double sum = 0;
        for (int k = m - 11; k <= m; k++) { if (!has(t, k)) return Double.NaN; sum += t.v[k]; }
        return sum;
    }

    private void rollingStreak(Track t, int m, YearMonth at, List<Finding> out) {
        double now = rolling(t, m);
        if (Double.isNaN(now)) return;
        for (int sign : new int[] {1, -1}) {
            int n = 0;
            double later = now;
            for (int k = m - 1; ; k--) {
                double earlier = rolling(t, k);
                if (Double.isNaN(earlier) || !(sign > 0 ? later > earlier : later < earlier)) break;
                n++;
                later = earlier;
            }
            if (n >= 3) {
                Map<String, Object> e = evidence(t.v[m]);
                e.put("months", n);
                e.put("rolling_total", now);
                add(out, sign > 0 ? "rolling-rise-streak" : "rolling-fall-streak", t, at, sign > 0, e);
            }
        }
    }

    private void average(Track t, int m, int window, String name, YearMonth at, List<Finding> out) {
        for (int k = m - window; k < m; k++) if (!has(t, k)) return;
        double v = t.v[m], mean, z, needed;
        if (t.metric.unit() != Unit.COUNT && t.num != null) { // a rate: the binomial test
            long num = 0, den = 0;
            for (int k = m - window; k < m; k++) { num += t.num[k]; den += t.den[k]; }
            if (den == 0 || t.den[m] == 0) return;
            double p = (double) num / den;
            if (p <= 0 || p >= 1) return;
            mean = 100 * p;
            z = ((double) t.num[m] / t.den[m] - p) / Math.sqrt(p * (1 - p) / t.den[m]);
            needed = 1.645;
        } else {
            double sum = 0;
            for (int k = m - window; k < m; k++) sum += t.v[k];
            mean = sum / window;
            if (t.metric.unit() == Unit.COUNT) {
                if (mean <= 0) return;
                z = (v - mean) / Math.sqrt(mean);
                needed = 1.645;
            } else {
                double squares = 0;
                for (int k = m - window; k < m; k++) squares += (t.v[k] - mean) * (t.v[k] - mean);
                double sd = Math.sqrt(squares / (window - 1));
                if (sd == 0) return;
                z = (v - mean) / sd;
                needed = 2;
            }
        }
        if (z >= needed || z <= -needed) {
            Map<String, Object> e = evidence(v);
            e.put("mean", mean);
            e.put("z", z);
            add(out, (z > 0 ? "above-average-" : "below-average-") + name, t, at, z > 0, e);
        }
    }

    private void spc(Track t, int m, YearMonth at, List<Finding> out) {
        int start = m;
        while (m - start + 1 < 24 && has(t, start - 1)) start--;
        int size = m - start + 1;
        if (size < 12) return;
        double sum = 0;
        for (int k = start; k <= m; k++) sum += t.v[k];
        double mean = sum / size, ranges = 0;
        for (int k = start + 1; k <= m; k++) ranges += Math.abs(t.v[k] - t.v[k - 1]);
        double mr = ranges / (size - 1);
        if (mr > 0) {
            double cut = 3.267 * mr, kept = 0;
            int n = 0;
            for (int k = start + 1; k <= m; k++) {
                double r = Math.abs(t.v[k] - t.v[k - 1]);
                if (r < cut) { kept += r; n++; }
            }
            mr = n == 0 ? 0 : kept / n;
        }
        double v = t.v[m], upper = mean + 2.66 * mr, lower = mean - 2.66 * mr;
        if (v > upper || v < lower) {
            Map<String, Object> e = evidence(v);
            e.put("mean", mean);
            e.put("upper", upper);
            e.put("lower", lower);
            add(out, "spc-outside-limits", t, at, v > upper, e);
        }
        if (v != mean) {
            boolean above = v > mean;
            int run = 0;
            for (int k = m; k >= start && (above ? t.v[k] > mean : t.v[k] < mean); k--) run++;
            if (run >= 7) {
                Map<String, Object> e = evidence(v);
                e.put("mean", mean);
                e.put("months", run);
                add(out, "spc-shift", t, at, above, e);
            }
        }
    }
}
