package org.perfalert.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What drove a total's year-on-year change: its parts (the metrics declared parts_of it in
 * metrics.yaml, same area) whose own changes went the same way, largest first, as many as it takes to
 * account for the total's change, at most max. "driven by bicycle theft (+41), shoplifting (+38) and
 * public order (+25)".
 */
public final class Drivers {
    private final List<Series> parts = new ArrayList<>();
    private final List<Double> changes = new ArrayList<>();

    private Drivers() { }

    /** The drivers of total's change among parts (a collection of Series from the rule's collect). */
    public static Drivers of(Series total, List<?> parts, int max) {
        Drivers d = new Drivers();
        Double change = total.getYearOnYearChange();
        if (change == null || change == 0) return d;
        double sign = Math.signum(change), covered = 0;
        List<Series> same = new ArrayList<>();
        for (Object o : parts)
            if (o instanceof Series p && p.getYearOnYearChange() != null && Math.signum(p.getYearOnYearChange()) == sign) same.add(p);
        same.sort(Comparator.comparingDouble((Series p) -> -Math.abs(p.getYearOnYearChange())).thenComparing(Series::getMetricId));
        for (Series p : same) {
            if (d.parts.size() >= max || Math.abs(covered) >= Math.abs(change)) break;
            d.parts.add(p);
            d.changes.add(p.getYearOnYearChange());
            covered += p.getYearOnYearChange();
        }
        return d;
    }

    /** ", driven by bicycle theft (+41) and shoplifting (+38)", or "" when there is no part to name. */
    public String sentence() {
        if (parts.isEmpty()) return "";
        List<String> named = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++)
            named.add(Wording.inSentence(parts.get(i).getLabel().replaceAll("\\s*\\([^)]*\\)$", "")) + " (" + (changes.get(i) > 0 ? "+" : "") + Wording.whole(changes.get(i)) + ")");
        String last = named.remove(named.size() - 1);
        return ", driven by " + (named.isEmpty() ? last : String.join(", ", named) + " and " + last);
    }

    /** The evidence with drivers (metric ids) and driver_changes added (empty lists when none). */
    public Evidence addTo(Evidence evidence) {
        return evidence.put("drivers", parts.stream().map(Series::getMetricId).toList()).put("driver_changes", List.copyOf(changes));
    }
}
