package org.perfalert.model;

/** A place figures are reported for: the force, a policing area or a district. */
public record Area(AreaType type, String name) implements Comparable<Area> {
    @Override
    public int compareTo(Area o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() { return type.id() + ":" + name; }
}
