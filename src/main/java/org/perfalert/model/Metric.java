package org.perfalert.model;

/**
 * One entry of the metric catalogue (config/metrics.yaml).
 * thresholdAbove / thresholdBelow are null when not set.
 */
public record Metric(String id, String label, Unit unit, Better better, String theme, String owner,
                     Double thresholdAbove, Double thresholdBelow) {

    public boolean isCount() { return unit == Unit.COUNT; }
}
