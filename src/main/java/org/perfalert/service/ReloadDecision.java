package org.perfalert.service;

import java.util.Objects;

/**
 * Validate, then swap: what to do when rules/ or config/ may have changed. Two pure steps, so each
 * case can be tested on its own: first whether the content is worth building at all, then, once
 * the new version has been built, whether it replaces the running one.
 */
public final class ReloadDecision {
    private ReloadDecision() { }

    /** What to do with a version that has been built. */
    public enum Action {
        /** The new version is sound: it replaces the running one. */
        SWAP,
        /** The new version is broken and nobody has heard of it yet: keep the old one, tell the analysts. */
        KEEP_AND_TELL_ANALYSTS,
        /** The new version is broken and the analysts were told already: keep the old one quietly. */
        KEEP
    }

    /**
     * Whether the folders' content is worth building: not when it is the running version, nor when it is
     * the version looked at last time (a broken version is built once, not on every check).
     */
    public static boolean worthBuilding(String runningHash, String lastCheckedHash, String candidateHash) {
        return !Objects.equals(candidateHash, runningHash) && !Objects.equals(candidateHash, lastCheckedHash);
    }

    /** After building: swap when sound, otherwise keep the running version and tell the analysts once per version. */
    public static Action afterBuilding(boolean sound, boolean analystsAlreadyTold) {
        if (sound) return Action.SWAP;
        return analystsAlreadyTold ? Action.KEEP : Action.KEEP_AND_TELL_ANALYSTS;
    }
}
