package org.perfalert.alerts;

import org.perfalert.model.PerformanceException;

import java.util.Comparator;
import java.util.Set;

/**
 * One exception as the alert stages hand it on once its row is stored: the row's number, its status (new,
 * continuing, resolved or withdrawn), the silence that holds it back from email (or null), and for a withdrawn
 * one the addresses that were emailed about the original.
 */
public record AlertItem(long alertId, AlertStatus status, PerformanceException exception, Long silencedBy,
                        Set<String> emailedBefore) {

    /** Most important first: holding before withdrawn, then severity, concern before improvement, then rule. */
    public static final Comparator<AlertItem> IMPORTANCE = Comparator
            .comparing((AlertItem i) -> i.status() == AlertStatus.WITHDRAWN)
            .thenComparing(i -> i.exception().severity())
            .thenComparing(i -> i.exception().direction())
            .thenComparing(i -> i.exception().metric())
            .thenComparing(i -> i.exception().area())
            .thenComparing(i -> i.exception().rule());

    public AlertItem {
        emailedBefore = Set.copyOf(emailedBefore);
    }

    /** An item that nobody was emailed about before and no silence holds. */
    public static AlertItem of(long alertId, AlertStatus status, PerformanceException exception) {
        return new AlertItem(alertId, status, exception, null, Set.of());
    }

    public boolean silenced() { return silencedBy != null; }
}
