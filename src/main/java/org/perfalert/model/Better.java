package org.perfalert.model;

/** Which way is better for a metric. */
public enum Better {
    UP, DOWN, NEUTRAL;

    public String id() { return name().toLowerCase(); }

    public static Better parse(String s) {
        for (Better b : values()) if (b.id().equals(s)) return b;
        throw new IllegalArgumentException("unknown better direction \"" + s + "\" (use up, down or neutral)");
    }
}
