package org.perfalert.rules;

/**
 * The function a rule file imports to raise an exception ({@code import function
 * org.perfalert.rules.Raising.raise}), so a rule's action reads {@code raise($s, Movement.UP, headline,
 * evidence)}. It reports to the evaluation running on this thread; a global "alerts" with
 * alerts.raise(...) does the same, at the cost of a global looked up at every firing.
 */
public final class Raising {
    private static final ThreadLocal<Alerts> CURRENT = new ThreadLocal<>();

    private Raising() { }

    /** Raise an exception about a series for the rule now firing. */
    public static void raise(Series s, Movement movement, String headline, Evidence evidence) {
        current().raise(s, movement, headline, evidence);
    }

    /** The evaluation running on this thread (the Evaluator sets it around each session). */
    static Alerts current() {
        Alerts alerts = CURRENT.get();
        if (alerts == null) throw new IllegalStateException("raise(...) is called outside an evaluation");
        return alerts;
    }

    static void begin(Alerts alerts) { CURRENT.set(alerts); }

    static void end() { CURRENT.remove(); }

    static boolean inProgress() { return CURRENT.get() != null; }
}
