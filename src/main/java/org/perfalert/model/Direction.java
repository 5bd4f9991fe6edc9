package org.perfalert.model;

/** Whether an exception is bad news, good news, or neither. */
public enum Direction {
    CONCERN, IMPROVEMENT, NEUTRAL;

    public String id() { return name().toLowerCase(); }

    public static Direction parse(String s) {
        for (Direction d : values()) if (d.id().equalsIgnoreCase(s)) return d;
        throw new IllegalArgumentException("unknown direction \"" + s + "\"");
    }

    /** The direction of a movement upwards (rising=true) or downwards for a metric. */
    public static Direction of(boolean rising, Better better) {
        return switch (better) {
            case NEUTRAL -> NEUTRAL;
            case DOWN -> rising ? CONCERN : IMPROVEMENT;
            case UP -> rising ? IMPROVEMENT : CONCERN;
        };
    }
}
