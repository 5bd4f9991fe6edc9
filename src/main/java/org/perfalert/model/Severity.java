package org.perfalert.model;

/** How much an exception matters; HIGH sorts first. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String id() { return name().toLowerCase(); }

    public static Severity parse(String s) {
        for (Severity v : values()) if (v.id().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown severity \"" + s + "\" (use high, medium or low)");
    }
}
