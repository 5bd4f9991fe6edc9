package org.perfalert.config;

import org.perfalert.model.Metric;

import java.util.*;

/** The metric catalogue (config/metrics.yaml), in file order. */
public final class Catalogue {
    private final LinkedHashMap<String, Metric> metrics = new LinkedHashMap<>();

    public Catalogue(List<Metric> list) {
        list.forEach(m -> metrics.put(m.id(), m));
    }

    public Optional<Metric> find(String id) { return Optional.ofNullable(metrics.get(id)); }

    public Metric get(String id) {
        Metric m = metrics.get(id);
        if (m == null) throw new IllegalArgumentException("unknown metric " + id);
        return m;
    }

    public boolean contains(String id) { return metrics.containsKey(id); }

    public Collection<Metric> all() { return Collections.unmodifiableCollection(metrics.values()); }

    /** Themes in first-seen order. */
    public List<String> themes() {
        return metrics.values().stream().map(Metric::theme).distinct().toList();
    }
}
