package org.perfalert.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one thing, reported as median (min–max). */
final class Timings {
    private final List<Double> values = new ArrayList<>();

    void add(double v) { values.add(v); }

    double median() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() { return Collections.min(values); }
    double max() { return Collections.max(values); }
    int runs() { return values.size(); }

    /** "1.234 s (1.100–1.500, n=5)" for seconds, or the unit given. */
    String show(String unit) {
        return String.format(Locale.ROOT, "%.3f %s (%.3f–%.3f, n=%d)", median(), unit, min(), max(), runs());
    }

    /** Seconds since a System.nanoTime() reading. */
    static double since(long start) { return (System.nanoTime() - start) / 1e9; }
}
