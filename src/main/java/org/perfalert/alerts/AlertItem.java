package org.perfalert.alerts;

import org.perfalert.model.PerformanceException;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One exception as the alert stages hand it on once its row is stored: the row's number, its status (new,
 * continuing, resolved or withdrawn), the silence that holds it back from email (or null), for a withdrawn
 * one the addresses that were emailed about the original, and in a lead's email the exceptions folded into
 * it (SIGNALS.md 4: the other rules that hold for the same figure, the other levels of the same metric):
 * one item, one number in the email, acknowledged together.
 */
public record AlertItem(long alertId, AlertStatus status, PerformanceException exception, Long silencedBy,
                        Set<String> emailedBefore, List<AlertItem> also) {

    /**
     * Most important first (SIGNALS.md 4): holding before withdrawn, signals, then thresholds, then other
     * exceptions; within a kind the strongest first (p_adjusted or C/h for signals, how far past the limit for
     * thresholds); then severity, concern before improvement, metric, area and rule.
     */
    public static final Comparator<AlertItem> IMPORTANCE = Comparator
            .comparing((AlertItem i) -> i.status() == AlertStatus.WITHDRAWN)
            .thenComparing(i -> i.exception().kind())
            .thenComparing(i -> -i.strength())
            .thenComparing(i -> i.exception().severity())
            .thenComparing(i -> i.exception().direction())
            .thenComparing(i -> i.exception().metric())
            .thenComparing(i -> i.exception().area())
            .thenComparing(i -> i.exception().rule());

    public AlertItem {
        emailedBefore = Set.copyOf(emailedBefore);
        also = List.copyOf(also);
    }

    public AlertItem(long alertId, AlertStatus status, PerformanceException exception, Long silencedBy, Set<String> emailedBefore) {
        this(alertId, status, exception, silencedBy, emailedBefore, List.of());
    }

    /** An item that nobody was emailed about before and no silence holds. */
    public static AlertItem of(long alertId, AlertStatus status, PerformanceException exception) {
        return new AlertItem(alertId, status, exception, null, Set.of());
    }

    /** The same item with these exceptions folded into it. */
    public AlertItem folding(List<AlertItem> folded) {
        return new AlertItem(alertId, status, exception, silencedBy, emailedBefore, folded);
    }

    /** This item's alert and every one folded into it: what acknowledging the item acknowledges. */
    public List<AlertItem> withFolded() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), also.stream()).toList();
    }

    /**
     * What is folded into this item, in a line (SIGNALS.md 4): the other places of the metric, then what the other rules
     * say of the same figure: "also: South and the force; highest since March 2023"; empty when nothing is folded.
     */
    public String alsoText() {
        List<String> parts = alsoParts();
        return parts.isEmpty() ? "" : "also: " + String.join("; ", parts);
    }

    /** The parts of {@link #alsoText()}: the other places in one, then each other rule's words; empty when nothing is folded. */
    public List<String> alsoParts() {
        List<String> places = new java.util.ArrayList<>(), said = new java.util.ArrayList<>();
        for (AlertItem a : also) {
            PerformanceException e = a.exception();
            if (e.seriesKey().equals(exception.seriesKey())) {
                String h = e.headline() == null ? "" : e.headline();
                String what = h.contains(": ") ? h.substring(h.indexOf(": ") + 2) : h;
                if (!what.isEmpty() && !said.contains(what)) said.add(what);
            } else {
                String place = e.areaType() == org.perfalert.model.AreaType.FORCE ? "the force" : e.area();
                if (!places.contains(place)) places.add(place);
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!places.isEmpty()) parts.add(places.size() == 1 ? places.get(0)
                : String.join(", ", places.subList(0, places.size() - 1)) + " and " + places.get(places.size() - 1));
        parts.addAll(said);
        return parts;
    }

    /** How far past its bar (Assessment.strength); 0 when the exception was not judged. */
    public double strength() { return exception.assessment() == null ? 0 : exception.assessment().strength(); }

    public boolean silenced() { return silencedBy != null; }
}
