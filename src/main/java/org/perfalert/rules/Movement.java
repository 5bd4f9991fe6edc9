package org.perfalert.rules;

/** Which way a rule's finding goes: UP for high, above, rise, increase; DOWN for the mirror image. */
public enum Movement {
    UP, DOWN;

    public boolean rising() { return this == UP; }
}
