package org.perfalert.rules;

import org.kie.api.runtime.KieSession;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one month's evaluation may spend, and the handle a watchdog stops it with. A rule whose conditions multiply
 * the series (a join of every series with every other) creates its matches before any of them fires: the evaluation
 * is stopped at the first match over the budget, before they fill the memory. A rule that fires for ever is stopped by
 * {@link #stop} (Drools' halt between two firings). An action that never returns cannot be stopped from outside; the
 * watchdog gives up on its thread.
 */
public final class Guard {
    private final long maxMatches;
    private final Set<KieSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong matches = new AtomicLong();
    private volatile String stopped;
    private volatile String rule;

    /** maxMatches: how many matches (a rule's conditions met by some facts) one evaluation may create. */
    public Guard(long maxMatches) { this.maxMatches = maxMatches; }

    /** No budget (the dry-run commands, whose user is watching). */
    public static Guard none() { return new Guard(Long.MAX_VALUE); }

    /** Stops the evaluation: running sessions halt after the firing in progress, and the evaluation ends in RuleStopped. */
    public void stop(String reason) {
        stopped = reason;
        sessions.forEach(KieSession::halt);
    }

    /** The rule that fired last or matched last (the one to blame when the evaluation had to be stopped). */
    public String rule() { return rule; }

    public long matches() { return matches.get(); }

    void opened(KieSession s) {
        sessions.add(s);
        if (stopped != null) s.halt();
    }

    void closed(KieSession s) { sessions.remove(s); }

    void matchCreated(String ruleName) {
        rule = ruleName;
        if (matches.incrementAndGet() > maxMatches) {
            stopped = String.format(Locale.UK, "it made more than %,d matches in one month's evaluation"
                    + " (do its conditions join every series with every other?)", maxMatches);
            throw new RuleStopped(ruleName, stopped);
        }
    }

    void firing(String ruleName) { rule = ruleName; }

    /** After the sessions returned: throws when the evaluation was stopped. */
    void check() {
        if (stopped != null) throw new RuleStopped(rule, stopped);
    }
}
