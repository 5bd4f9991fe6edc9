package org.perfalert.config;

import org.perfalert.model.Metric;

import java.util.*;

/** The metric catalogue (config/metrics.yaml), in file order. */
public final class Catalogue {
    private final LinkedHashMap<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, List<Metric>> parts = new HashMap<>();

    public Catalogue(List<Metric> list) {
        list.forEach(m -> metrics.put(m.id(), m));
        for (Metric m : metrics.values())
            if (m.partOf() != null) parts.computeIfAbsent(m.partOf(), k -> new ArrayList<>()).add(m);
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

    /** The metrics declared parts_of a total, in file order (empty for a metric that is no total). */
    public List<Metric> partsOf(String total) { return List.copyOf(parts.getOrDefault(total, List.of())); }

    /**
     * The total at the top of a metric's parts_of chain (the metric itself when it is part of nothing):
     * a total and its parts are evaluated together, as the rules that name what drove a change compare them.
     */
    public String family(String id) {
        String at = id;
        Set<String> seen = new HashSet<>();
        while (seen.add(at)) {
            Metric m = metrics.get(at);
            if (m == null || m.partOf() == null || !metrics.containsKey(m.partOf())) return at;
            at = m.partOf();
        }
        return at; // a cycle: reported by partProblems
    }

    /**
     * What is wrong with the parts_of declarations, one message per metric: a total that is not in the
     * catalogue, a part or total that is not a count, a metric part of itself or of its own part.
     */
    public List<String> partProblems() {
        List<String> out = new ArrayList<>();
        for (Metric m : metrics.values()) {
            if (m.partOf() == null) continue;
            String where = "metric \"" + m.id() + "\": parts_of \"" + m.partOf() + "\"";
            Metric total = metrics.get(m.partOf());
            if (total == null) {
                out.add(where + " is not a metric of this catalogue" + Names.didYouMean(m.partOf(), metrics.keySet())
                        + " (name the id of the total this metric is part of)");
                continue;
            }
            if (!m.isCount() || !total.isCount())
                out.add(where + ": parts and totals must both be counts (unit: count), as a total is the sum of its parts");
            String at = total.id();
            Set<String> seen = new HashSet<>();
            while (at != null && seen.add(at)) {
                if (at.equals(m.id())) { out.add(where + " makes the metric a part of itself (remove one parts_of of the loop)"); break; }
                Metric next = metrics.get(at);
                at = next == null ? null : next.partOf();
            }
        }
        return out;
    }
}
