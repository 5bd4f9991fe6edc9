package org.perfalert.rules;

import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;

/**
 * Turns observations into the Series facts for a month. Built once over all observations (so a
 * backtest reuses it month after month); observations for metrics or areas that are not configured
 * are ignored. Missing area and force figures of count metrics are derived from their districts
 * (CONTRACT.md 5.1, "Derived totals"): only when every district has a figure; a given figure wins.
 */
public final class SeriesBuilder {
    private final Catalogue catalogue;
    private final Map<SeriesKey, NavigableMap<YearMonth, Double>> values = new TreeMap<>();
    private final Map<SeriesKey, NavigableMap<YearMonth, Long>> numerators = new HashMap<>();
    private final Map<SeriesKey, NavigableMap<YearMonth, Long>> denominators = new HashMap<>();

    public SeriesBuilder(Collection<Observation> observations, Catalogue catalogue, Areas areas) {
        this.catalogue = catalogue;
        for (Observation o : observations) {
            if (!catalogue.contains(o.metric()) || !areas.contains(o.areaType(), o.area())) continue;
            SeriesKey key = o.key();
            values.computeIfAbsent(key, k -> new TreeMap<>()).put(o.month(), o.value());
            putOrRemove(numerators, key, o.month(), o.numerator());
            putOrRemove(denominators, key, o.month(), o.denominator());
        }
        deriveTotals(areas);
    }

    private static void putOrRemove(Map<SeriesKey, NavigableMap<YearMonth, Long>> map, SeriesKey key, YearMonth m, Long v) {
        NavigableMap<YearMonth, Long> byMonth = map.computeIfAbsent(key, k -> new TreeMap<>());
        if (v == null) byMonth.remove(m); else byMonth.put(m, v);
    }

    private void deriveTotals(Areas areas) {
        for (Metric metric : catalogue.all()) {
            if (!metric.isCount()) continue;
            for (Area total : areas.all()) {
                if (total.type() == AreaType.DISTRICT) continue;
                List<NavigableMap<YearMonth, Double>> parts = new ArrayList<>();
                for (String d : areas.districtsUnder(total)) {
                    NavigableMap<YearMonth, Double> part = values.get(new SeriesKey(metric.id(), AreaType.DISTRICT, d));
                    if (part == null) { parts = null; break; }
                    parts.add(part);
                }
                if (parts == null || parts.isEmpty()) continue;
                SeriesKey key = new SeriesKey(metric.id(), total.type(), total.name());
                NavigableMap<YearMonth, Double> given = values.getOrDefault(key, new TreeMap<>());
                NavigableMap<YearMonth, Double> derived = new TreeMap<>(given);
                months:
                for (YearMonth m : parts.get(0).keySet()) {
                    if (given.containsKey(m)) continue;
                    double sum = 0;
                    for (NavigableMap<YearMonth, Double> part : parts) {
                        Double v = part.get(m);
                        if (v == null) continue months;
                        sum += v;
                    }
                    derived.put(m, sum);
                }
                if (!derived.isEmpty()) values.put(key, derived);
            }
        }
    }

    /** The latest month with any figure, or empty when there are none. */
    public Optional<YearMonth> latestMonth() {
        return values.values().stream().map(NavigableMap::lastKey).max(Comparator.naturalOrder());
    }

    /** One Series per (metric, area) with a value at month, holding months up to it only. */
    public List<Series> seriesAt(YearMonth month) {
        List<Series> out = new ArrayList<>();
        values.forEach((key, byMonth) -> {
            if (!byMonth.containsKey(month)) return;
            out.add(new Series(catalogue.get(key.metric()), new Area(key.areaType(), key.area()), month, byMonth,
                    numerators.getOrDefault(key, new TreeMap<>()), denominators.getOrDefault(key, new TreeMap<>())));
        });
        return out;
    }
}
