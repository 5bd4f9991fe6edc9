package org.perfalert.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Catalogue;
import org.perfalert.fixtures.Spin;
import org.perfalert.rules.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.perfalert.rules.GuardTest.AREAS;
import static org.perfalert.rules.GuardTest.M;
import static org.perfalert.rules.GuardTest.history;
import static org.perfalert.rules.GuardTest.rules;

/**
 * Evaluations with a deadline (issue 18, failure 4): a rule that fires for ever is halted at the deadline; an action
 * that never returns is given up on, and the next evaluation runs on a fresh thread.
 */
class WatchdogTest {
    @TempDir Path dir;

    @Test
    void aRuleThatFiresForEverIsHaltedAtTheDeadline() throws Exception {
        RuleBase rb = rules(dir, "rule \"again\" when $s : Series() then update($s); end\n");
        Evaluator evaluator = new Evaluator(rb, new Catalogue(List.of()), AREAS, p -> { });
        SeriesBuilder history = history(1);
        Watchdog watchdog = new Watchdog("test-evaluate");
        Guard guard = new Guard(Long.MAX_VALUE);

        assertThatThrownBy(() -> watchdog.run(guard, Duration.ofMillis(300), () -> evaluator.evaluate(history, M, guard)))
                .isInstanceOfSatisfying(RuleStopped.class, e -> {
                    assertThat(e.rule()).isEqualTo("again");
                    assertThat(e.reason()).contains("took longer than the 300 ms");
                });
        assertThat(watchdog.abandoned()).isZero();   // halted between two firings: its thread is free again
    }

    @Test
    void aStopThatComesBeforeTheRulesBeginToFireStillEndsTheEvaluation() throws Exception {
        // the watchdog's deadline may pass while the session is still being filled (a slow start on a loaded machine):
        // Drools keeps no halt asked for before fireAllRules, so the guard ends the evaluation at its first firing
        RuleBase rb = rules(dir, "rule \"again\" when $s : Series() then update($s); end\n");
        Evaluator evaluator = new Evaluator(rb, new Catalogue(List.of()), AREAS, p -> { });
        Guard guard = new Guard(Long.MAX_VALUE);
        guard.stop("it took longer than the 300 ms a month's evaluation may take");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> evaluator.evaluate(history(1), M, guard))
                .isInstanceOfSatisfying(RuleStopped.class, e -> assertThat(e.reason()).contains("took longer than the 300 ms")));
    }

    @Test
    void anActionThatNeverReturnsIsGivenUpOnAndTheNextEvaluationRunsOnAFreshThread() throws Exception {
        RuleBase spin = rules(dir, "rule \"spin\" when $s : Series( area == \"Fenland\" ) then"
                + " while (org.perfalert.fixtures.Spin.on()) { } end\n");
        Watchdog watchdog = new Watchdog("test-evaluate", Duration.ofMillis(500));
        Spin.hold();
        Evaluator spinning = new Evaluator(spin, new Catalogue(List.of()), AREAS, p -> { });
        Guard guard = new Guard(Long.MAX_VALUE);

        assertThatThrownBy(() -> watchdog.run(guard, Duration.ofMillis(300), () -> spinning.evaluate(history(1), M, guard)))
                .isInstanceOfSatisfying(RuleStopped.class, e -> {
                    assertThat(e.rule()).isEqualTo("spin");
                    assertThat(e.reason()).contains("did not stop when asked").contains("given up");
                });
        assertThat(watchdog.abandoned()).isEqualTo(1);

        RuleBase sound = rules(dir, "rule \"above\" when $s : Series( value > 25 ) then"
                + " alerts.raise($s, Movement.UP, $s.headline(\"above\"), $s.evidence()); end\n");
        Evaluator evaluator = new Evaluator(sound, new Catalogue(List.of()), AREAS, p -> { });
        Guard next = new Guard(Long.MAX_VALUE);
        assertThat(watchdog.run(next, Duration.ofSeconds(30), () -> evaluator.evaluate(history(1), M, next))).isNotEmpty();
        Spin.release();   // the given-up thread may end now (an analyst's while (true) would not)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (watchdog.abandoned() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(watchdog.abandoned()).as("given-up threads that still run").isZero();
    }
}
