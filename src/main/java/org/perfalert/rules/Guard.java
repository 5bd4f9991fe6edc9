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
    /** However few the series, an evaluation may create this many matches. */
    static final long FLOOR = 10_000;

    private final long perSeries;
    private volatile long maxMatches;
    private final Set<KieSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong matches = new AtomicLong();
    private volatile String stopped;
    private volatile String rule;

    /**
     * perSeries: how many matches (a rule's conditions met by some facts) one evaluation may create per series it
     * evaluates, and at least 10,000. The standard pack creates about as many as it finds exceptions, two or three per
     * series; a join of every series with every other creates the square, cube or more of their number.
     */
    public Guard(long perSeries) {
        this.perSeries = perSeries;
        this.maxMatches = perSeries == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(FLOOR, perSeries);
    }

    /** No budget (the dry-run commands, whose user is watching). */
    public static Guard none() { return new Guard(Long.MAX_VALUE); }

    /** The budget for an evaluation of this many series. */
    void sizeFor(int series) {
        if (perSeries == Long.MAX_VALUE) return;
        maxMatches = series > 0 && perSeries > Long.MAX_VALUE / series ? Long.MAX_VALUE : Math.max(FLOOR, perSeries * series);
    }

    /** How many matches this evaluation may create. */
    public long maxMatches() { return maxMatches; }

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
            stopped = String.format(Locale.UK, "it made more than %,d matches in one month's evaluation, %,d per series"
                    + " (do its conditions join every series with every other?)", maxMatches, perSeries);
            throw new RuleStopped(ruleName, stopped);
        }
    }

    /**
     * Before each firing. A halt that came before the session began to fire is not kept by Drools (the watchdog may
     * call stop while the facts are still being inserted), so a stopped evaluation also ends at its next firing.
     */
    void firing(String ruleName) {
        rule = ruleName;
        if (stopped != null) throw new RuleStopped(ruleName, stopped);
    }

    /** After the sessions returned: throws when the evaluation was stopped. */
    void check() {
        if (stopped != null) throw new RuleStopped(rule, stopped);
    }
}
