package org.perfalert.notify;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.model.PerformanceException;

import java.util.Comparator;

/** One exception in a lead's email, with its lifecycle status (new, continuing or withdrawn). */
public record EmailItem(long alertId, AlertStatus status, PerformanceException exception) {

    /** Most important first: holding before withdrawn, then severity, concern before improvement, then rule. */
    public static final Comparator<EmailItem> IMPORTANCE = Comparator
            .comparing((EmailItem i) -> i.status() == AlertStatus.WITHDRAWN)
            .thenComparing(i -> i.exception().severity())
            .thenComparing(i -> i.exception().direction())
            .thenComparing(i -> i.exception().metric())
            .thenComparing(i -> i.exception().area())
            .thenComparing(i -> i.exception().rule());
}
