package org.perfalert.pull;

import java.time.Instant;

/**
 * How a source has been doing: failures in a row since its last good pull, the last error, and whether the
 * analysts have been told about this run of failures.
 */
public record SourceState(int failures, String lastError, Instant lastFailure, Instant lastSuccess, boolean analystsTold) {
    public static final SourceState NEW = new SourceState(0, null, null, null, false);

    /** The state after one pull, and whether this pull is the one that tells the analysts. */
    public record Step(SourceState next, boolean tellAnalysts) { }

    /**
     * The decision after a pull: a good pull clears the count; a failure adds one, and the failure that
     * reaches the threshold tells the analysts, once per run of failures.
     */
    public Step after(boolean ok, String error, Instant now, int threshold) {
        if (ok) return new Step(new SourceState(0, null, lastFailure, now, false), false);
        int n = failures + 1;
        boolean tell = !analystsTold && n >= threshold;
        return new Step(new SourceState(n, error, now, lastSuccess, analystsTold || tell), tell);
    }
}
