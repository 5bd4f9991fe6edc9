package org.perfalert.alerts;

import org.perfalert.model.PerformanceException;

/**
 * What the lifecycle stage decided for one fingerprint at the month evaluated, and (after the silence stage)
 * which silence holds it back from email.
 *
 * @param content the exception the row describes from now on (for a withdrawal: the one that no longer holds)
 * @param before  the row stored for this fingerprint before, or null
 */
public record Decision(Action action, PerformanceException content, AlertStatus status, StoredAlert before, Long silencedBy) {

    public enum Action {
        /** A status this fingerprint did not have at this month: stored, then told as the policy says. */
        RAISE,
        /** The same status with newer figures (a revision): the row is refreshed and nobody is told. */
        REFRESH,
        /** Nothing changed. */
        KEEP,
        /** A resolution that no longer stands (the month before no longer holds): the row goes. */
        REMOVE
    }

    public Decision silencedBy(Long silence) { return new Decision(action, content, status, before, silence); }
}
