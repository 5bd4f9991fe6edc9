package org.perfalert.alerts;

import org.perfalert.model.SeriesKey;

import java.util.*;

/**
 * What reaches a lead as one item (SIGNALS.md 4): the exceptions to email now for one metric fold into one item,
 * led by the lowest level that signals (a district before its area before the force; then the strongest); every
 * other rule that holds for an emailed figure (series and month) folds in too, though it would not be emailed on its
 * own ("also: highest since March 2023"). A withdrawal stays an item of its own. Items come most important first
 * ({@link AlertItem#IMPORTANCE} of the item's lead). A pure function.
 */
final class Folding {
    private Folding() { }

    /** Lowest level first, then the order of importance. */
    private static final Comparator<AlertItem> LEAD = Comparator.comparing((AlertItem i) -> -i.exception().areaType().ordinal())
            .thenComparing(AlertItem.IMPORTANCE);

    /**
     * @param toEmail the items the policy emails now to one lead
     * @param holding the lead's other items that hold this month (digest only): folded in where their figure is emailed
     */
    static List<AlertItem> fold(List<AlertItem> toEmail, List<AlertItem> holding) {
        List<AlertItem> items = new ArrayList<>();
        Map<String, List<AlertItem>> byMetric = new TreeMap<>();
        for (AlertItem i : toEmail) {
            if (i.status() == AlertStatus.WITHDRAWN) items.add(i);
            else byMetric.computeIfAbsent(i.exception().metric() + "|" + i.exception().month(), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<AlertItem>> byFigure = new HashMap<>();
        for (AlertItem i : holding)
            if (i.status().holds()) byFigure.computeIfAbsent(figure(i), k -> new ArrayList<>()).add(i);
        for (List<AlertItem> metric : byMetric.values()) {
            List<AlertItem> emailed = metric.stream().sorted(LEAD).toList();
            Set<AlertItem> seen = new HashSet<>(emailed);
            List<AlertItem> also = new ArrayList<>(emailed.subList(1, emailed.size()));
            for (AlertItem e : emailed)
                for (AlertItem h : byFigure.getOrDefault(figure(e), List.of()))
                    if (seen.add(h)) also.add(h);
            items.add(emailed.get(0).folding(also));
        }
        items.sort(AlertItem.IMPORTANCE);
        return items;
    }

    private static String figure(AlertItem i) {
        SeriesKey s = i.exception().seriesKey();
        return s.metric() + "|" + s.areaType().id() + "|" + s.area() + "|" + i.exception().month();
    }
}
