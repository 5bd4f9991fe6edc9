package org.perfalert.rules;

import org.perfalert.model.PerformanceException;

import java.util.*;
import java.util.function.Function;

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
        Ranks months = new Ranks(exceptions, PerformanceException::month), metrics = new Ranks(exceptions, PerformanceException::metric),
                areas = new Ranks(exceptions, PerformanceException::area), rules = new Ranks(exceptions, PerformanceException::rule);
        int severities = org.perfalert.model.Severity.values().length;
        // the key's parts multiplied out, with the position in the list last; too many to fit: compare instead
        double size = (double) months.size() * severities * metrics.size() * areas.size() * rules.size() * n;
        if (size >= Long.MAX_VALUE / 2) { exceptions.sort(PerformanceException.ORDER); return; }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            PerformanceException e = exceptions.get(i);
            long k = months.of(e);
            k = k * severities + e.severity().ordinal();
            k = k * metrics.size() + metrics.of(e);
            k = k * areas.size() + areas.of(e);
            k = k * rules.size() + rules.of(e);
            keys[i] = k * n + i;
        }
        Arrays.sort(keys);
        PerformanceException[] sorted = new PerformanceException[n];
        for (int i = 0; i < n; i++) sorted[i] = exceptions.get((int) (keys[i] % n));
        for (int i = 0; i < n; i++) exceptions.set(i, sorted[i]);
    }

    /** Each distinct value of one part of the exceptions, by its position in natural order. */
    private static final class Ranks {
        private final Function<PerformanceException, Comparable<?>> part;
        private final Map<Object, Integer> rank = new HashMap<>();
        private Object last; // neighbours in the list mostly share a month, a rule, a metric: asked once
        private int lastRank;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Ranks(List<PerformanceException> exceptions, Function<PerformanceException, Comparable<?>> part) {
            this.part = part;
            for (PerformanceException e : exceptions) rank.putIfAbsent(part.apply(e), 0);
            List<Comparable> distinct = new ArrayList<>((Collection) rank.keySet());
            Collections.sort(distinct);
            for (int i = 0; i < distinct.size(); i++) rank.put(distinct.get(i), i);
        }

        int size() { return rank.size(); }

        int of(PerformanceException e) {
            Object v = part.apply(e);
            if (v != last) { last = v; lastRank = rank.get(v); }
            return lastRank;
        }
    }
}
