package org.perfalert.pipeline;

import org.perfalert.evaluate.RunEvaluator;
import org.perfalert.evaluate.Watchdog;
import org.perfalert.rules.Guard;
import org.perfalert.rules.RuleStopped;
import org.perfalert.store.ObservationStore;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A new version of the rules is tried before it is put in force: it evaluates the latest month of the stored figures
 * (the work it will do next) under the same budget as a real run, on a watched thread of its own. A rule that goes
 * over the budget (too slow, too many matches, an action that never returns) fails the trial and the running
 * version stays. With nothing stored yet there is nothing to try it on, and it passes.
 */
public final class Trial {
    private final ObservationStore observations;
    private final Limits limits;
    private final Watchdog watchdog;

    public Trial(ObservationStore observations, Limits limits) {
        this.observations = observations;
        this.limits = limits;
        this.watchdog = Watchdog.forBudget("perfalert-rule-trial", limits.budget());
    }

    /** Empty when the candidate's rules evaluate within the budget; otherwise what went wrong, for the analysts. */
    public Optional<String> run(RunParts candidate) {
        if (!candidate.evaluates()) return Optional.empty();
        Optional<YearMonth> latest = observations.latestMonth();
        if (latest.isEmpty()) return Optional.empty();
        RunEvaluator evaluator = new RunEvaluator(candidate.evaluator(), observations.upTo(latest.get()));
        Guard guard = new Guard(limits.matchesPerSeries());
        try {
            watchdog.run(guard, limits.budget(), () -> evaluator.evaluate(latest.get(), guard));
            return Optional.empty();
        } catch (RuleStopped e) {
            return Optional.of("rules/: " + e.getMessage() + " (in a trial on the stored figures of " + latest.get()
                    + ", before this version was put in force)");
        }
    }

    /** Trial threads that could not be stopped and still run (only a restart frees them). */
    public int abandonedThreads() { return watchdog.abandoned(); }
}
