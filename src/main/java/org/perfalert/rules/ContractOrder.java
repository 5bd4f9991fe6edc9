package org.perfalert.rules;

import org.perfalert.model.PerformanceException;
import org.perfalert.model.Severity;

import java.time.YearMonth;
import java.util.*;

/**
 * Sorts exceptions into the contract's order (PerformanceException.ORDER: month, severity, metric,
 * area, rule), as fast as a month of a national evaluation needs: each exception gets one number
 * from the ranks of its month, severity, metric, area and rule, and numbers sort far faster than
 * strings compare. Ties keep the order they came in, as a stable sort by ORDER does.
 */
final class ContractOrder {
    private ContractOrder() { }

    static void sort(List<PerformanceException> exceptions) {
        int n = exceptions.size();
        if (n < 2) return;
        Ranks<YearMonth> months = new Ranks<>();
        Ranks<String> metrics = new Ranks<>(), areas = new Ranks<>(), rules = new Ranks<>();
        for (PerformanceException e : exceptions) {
            months.add(e.month());
            metrics.add(e.metric());
            areas.add(e.area());
            rules.add(e.rule());
        }
        int severities = Severity.values().length;
        // the key's parts multiplied out, with the position in the list last; too many to fit: compare instead
        double size = (double) months.rank() * severities * metrics.rank() * areas.rank() * rules.rank() * n;
        if (size >= Long.MAX_VALUE / 2) { exceptions.sort(PerformanceException.ORDER); return; }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            PerformanceException e = exceptions.get(i);
            long k = months.of(e.month());
            k = k * severities + e.severity().ordinal();
            k = k * metrics.size() + metrics.of(e.metric());
            k = k * areas.size() + areas.of(e.area());
            k = k * rules.size() + rules.of(e.rule());
            keys[i] = k * n + i;
        }
        Arrays.sort(keys);
        PerformanceException[] sorted = new PerformanceException[n];
        for (int i = 0; i < n; i++) sorted[i] = exceptions.get((int) (keys[i] % n));
        for (int i = 0; i < n; i++) exceptions.set(i, sorted[i]);
    }

    /** The distinct values of one part of the exceptions, each by its position in natural order. */
    private static final class Ranks<T extends Comparable<T>> {
        private final Map<T, Integer> rank = new HashMap<>();
        private T last; // neighbours in the list mostly share a month, a rule, a metric: looked up once
        private int lastRank;

        void add(T v) {
            if (v == last) return;
            last = v;
            rank.putIfAbsent(v, 0);
        }

        /** Once every value is added: numbers them in order; returns how many there are. */
        int rank() {
            List<T> distinct = new ArrayList<>(rank.keySet());
            Collections.sort(distinct);
            for (int i = 0; i < distinct.size(); i++) rank.put(distinct.get(i), i);
            last = null;
            return distinct.size();
        }

        int size() { return rank.size(); }

        int of(T v) {
            if (v != last) { last = v; lastRank = rank.get(v); }
            return lastRank;
        }
    }
}
