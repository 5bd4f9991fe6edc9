package org.perfalert.alerts;

/** Where an exception stands for one series and rule in one month. */
public enum AlertStatus {
    /** Holds at M and did not hold at M−1. */
    NEW,
    /** Holds at M and held at M−1. */
    CONTINUING,
    /** Held at M−1 and no longer holds at M. */
    RESOLVED,
    /** Was found for M, but a re-evaluation of M after a data revision no longer finds it. */
    WITHDRAWN,
    /** Held, but its metric was removed from config/metrics.yaml: closed, as nothing will evaluate it again. */
    RETIRED;

    public String id() { return name().toLowerCase(); }

    public static AlertStatus parse(String s) {
        for (AlertStatus v : values()) if (v.id().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown alert status \"" + s + "\"");
    }

    /** True for the statuses that mean "the exception holds". */
    public boolean holds() { return this == NEW || this == CONTINUING; }
}
