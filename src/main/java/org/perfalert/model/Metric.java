package org.perfalert.model;

/**
 * One entry of the metric catalogue (config/metrics.yaml).
 * thresholdAbove / thresholdBelow are null when not set. partOf is the metric this one is a part of
 * (a crime type of all crime: parts_of), or null; noneSince marks a metric whose run of zero months
 * is news ("no positive outcomes since March 2019": none_since: true).
 */
public record Metric(String id, String label, Unit unit, Better better, String theme, String owner,
                     Double thresholdAbove, Double thresholdBelow, String partOf, boolean noneSince) {

    /** A metric that is part of no total and not marked none_since. */
    public Metric(String id, String label, Unit unit, Better better, String theme, String owner,
                  Double thresholdAbove, Double thresholdBelow) {
        this(id, label, unit, better, theme, owner, thresholdAbove, thresholdBelow, null, false);
    }

    public boolean isCount() { return unit == Unit.COUNT; }
}
