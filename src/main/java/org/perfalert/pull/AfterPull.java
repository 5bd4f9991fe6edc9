package org.perfalert.pull;

/**
 * What happens to a pull's changed months: evaluated with the rules in force and the alerts raised, as for
 * a dropped file. Supplied by the service (the same stages the ingest route calls).
 */
@FunctionalInterface
public interface AfterPull {
    AfterPull NOTHING = result -> { };

    /** Called only when the pull added or revised figures; result.touchedMonths() says which months. */
    void evaluate(PullResult result) throws Exception;
}
