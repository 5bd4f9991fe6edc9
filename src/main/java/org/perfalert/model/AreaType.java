package org.perfalert.model;

/** The level of an area in the force's hierarchy. */
public enum AreaType {
    FORCE, AREA, DISTRICT;

    public String id() { return name().toLowerCase(); }

    public static AreaType parse(String s) {
        for (AreaType t : values()) if (t.id().equalsIgnoreCase(s)) return t;
        throw new IllegalArgumentException("unknown area type \"" + s + "\" (use force, area or district)");
    }
}
