package org.perfalert.alerts;

import java.util.Optional;

/**
 * The lifecycle decision, a pure function: given whether the exception held the month before, whether
 * this evaluation found it, and what the store already says for this month, what status must be stored.
 */
public final class Lifecycle {
    private Lifecycle() { }

    /**
     * @param heldLastMonth the same series and rule is stored as new or continuing for M−1
     * @param foundNow      this evaluation of M found the exception
     * @param stored        what is stored for this fingerprint at M (empty: nothing)
     * @return the status to store at M, or empty when nothing should be stored
     */
    public static Optional<AlertStatus> decide(boolean heldLastMonth, boolean foundNow, Optional<AlertStatus> stored) {
        if (foundNow) {
            // Already holding: re-evaluating the same data changes nothing.
            if (stored.isPresent() && stored.get().holds()) return stored;
            return Optional.of(heldLastMonth ? AlertStatus.CONTINUING : AlertStatus.NEW);
        }
        if (stored.isEmpty()) return heldLastMonth ? Optional.of(AlertStatus.RESOLVED) : Optional.empty();
        return switch (stored.get()) {
            case NEW, CONTINUING, WITHDRAWN -> Optional.of(AlertStatus.WITHDRAWN);
            // A resolution stands only while the month before still holds (a revision of M−1 may undo it).
            case RESOLVED -> heldLastMonth ? stored : Optional.empty();
            // Closed when its metric was removed; the metric is back and no longer finds it: it stays closed.
            case RETIRED -> stored;
        };
    }
}
