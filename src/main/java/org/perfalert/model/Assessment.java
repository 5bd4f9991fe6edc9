package org.perfalert.model;

import java.util.Objects;

/**
 * SIGNALS.md's word on an exception, set when its rule raises it: what kind it is, whether it is worth
 * attention (`notable`, section 3), the calibrated statistic of its figure, and how far past its bar it
 * is — the strength that ranks it (1 = just past the bar): a signal by its p_adjusted against q
 * (log p_adjusted / log q) or its CUSUM against h (C/h), a threshold by how far past the limit
 * (1 + |value − limit| / |limit|), any other exception by its statistic against notable.min-z.
 */
public record Assessment(ExceptionKind kind, boolean notable, Calibrated calibrated, double strength) {
    public Assessment {
        Objects.requireNonNull(kind, "kind");
        calibrated = calibrated == null ? Calibrated.NONE : calibrated;
    }
}
