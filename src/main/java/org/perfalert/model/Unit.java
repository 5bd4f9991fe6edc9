package org.perfalert.model;

/** What a metric's values measure. Called "unit" in metrics.yaml. */
public enum Unit {
    COUNT, PERCENT, MINUTES, NUMBER;

    public String id() { return name().toLowerCase(); }

    public static Unit parse(String s) {
        for (Unit u : values()) if (u.id().equals(s)) return u;
        throw new IllegalArgumentException("unknown unit \"" + s + "\" (use count, percent, minutes or number)");
    }
}
