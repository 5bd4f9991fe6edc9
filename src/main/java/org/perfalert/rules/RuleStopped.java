package org.perfalert.rules;

/** An evaluation stopped because a rule went over its budget (time or matches); names the rule and why. Unchecked. */
public final class RuleStopped extends RuntimeException {
    private final String rule;
    private final String reason;

    public RuleStopped(String rule, String reason) {
        super((rule == null ? "the rules" : "rule \"" + rule + "\"") + " stopped: " + reason);
        this.rule = rule;
        this.reason = reason;
    }

    /** The rule that was firing or matching when it stopped (null when none was). */
    public String rule() { return rule; }

    public String reason() { return reason; }
}
