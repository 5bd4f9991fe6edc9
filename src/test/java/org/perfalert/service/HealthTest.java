package org.perfalert.service;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertTestSupport;
import org.perfalert.alerts.AlertTestSupport.TestClock;
import org.perfalert.notify.OutboxSender;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pipeline.RunParts;
import org.perfalert.store.Store;
import org.perfalert.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health tells the truth (issue 18, failure 9): DOWN or DEGRADED, with the reason, when ingest is stuck, files wait in
 * the inbox, evaluation is owed or stopped, or the outbox cannot send. Each check on its own, with a clock moved by hand.
 */
class HealthTest {
    static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));

    static HealthCheck.Result call(HealthCheck check) { return check.call(); }

    static void assertVerdict(HealthCheck.Result r, HealthCheck.State camel, String state, String reason) {
        assertThat(r.getState()).isEqualTo(camel);
        assertThat(r.getDetails()).containsEntry("state", state);
        if (reason != null) {
            assertThat((String) r.getDetails().get("reason")).contains(reason);
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith(state + ": ").contains(reason));
        }
    }

    @Test
    void filesWaitingInTheInboxLongerThanAllowedAreDegradedAndAFailingLoadIsDown() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Health health = new Health(clock);
        ServiceHealth.Ingest check = new ServiceHealth.Ingest(health, inbox, FIFTEEN_MINUTES, false);
        Path waiting = Files.writeString(inbox.resolve("waiting.csv"), "month\n");
        Files.writeString(inbox.resolve(".being-written.csv.part"), "month\n");   // hidden: not waiting yet
        Files.setLastModifiedTime(waiting, FileTime.from(clock.instant()));
        assertVerdict(call(check), HealthCheck.State.UP, "UP", null);
        assertThat(call(check).getDetails()).containsEntry("inbox.waiting", 1);

        clock.advance(Duration.ofMinutes(16));
        assertVerdict(call(check), HealthCheck.State.UP, "DEGRADED", "1 file(s) waiting in the inbox for more than 15 min"
                + " (longest: \"waiting.csv\", 16 min)");

        health.ingestFailed(new StoreException("cannot store waiting.csv: connection refused", null));
        assertVerdict(call(check), HealthCheck.State.DOWN, "DOWN", "loading fails since 2025-04-02T08:16:00Z: StoreException:"
                + " cannot store waiting.csv: connection refused");
        health.ingestWorked();
        Files.delete(waiting);
        assertVerdict(call(check), HealthCheck.State.UP, "UP", null);
    }

    @Test
    void monthsOwedTooLongAreDegradedAndAStoppedRuleOrAFailingEvaluationIsDown() throws Exception {
        try (Store store = Store.open("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", clock)) {
            RunParts parts = RunParts.loadOnly(AlertTestSupport.config(dir.resolve("config"), ""), store, clock);
            Pipeline pipeline = new Pipeline(store, () -> parts, clock);
            Health health = new Health(clock);
            int[] lingering = {0};
            ServiceHealth.Evaluation check = new ServiceHealth.Evaluation(pipeline, () -> lingering[0], health, FIFTEEN_MINUTES, clock);
            assertVerdict(call(check), HealthCheck.State.UP, "UP", null);

            pipeline.owe(new TreeSet<>(java.util.List.of(YearMonth.of(2025, 2), YearMonth.of(2025, 3))), "run");
            clock.advance(Duration.ofMinutes(10));
            assertVerdict(call(check), HealthCheck.State.UP, "UP", null);
            assertThat(call(check).getDetails()).containsEntry("months.owed", 2);
            clock.advance(Duration.ofMinutes(10));
            assertVerdict(call(check), HealthCheck.State.UP, "DEGRADED", "2 month(s) owed an evaluation for more than 15 min (oldest 2025-02)");

            lingering[0] = 1;
            health.evaluationFailed(new StoreException("cannot raise the alerts of 2025-02: the database is gone", null));
            assertVerdict(call(check), HealthCheck.State.DOWN, "DOWN", "evaluation fails since");
            pipeline.stop("rules/: rule \"spin\" stopped: it took longer than the 60 s a month's evaluation may take");
            assertVerdict(call(check), HealthCheck.State.DOWN, "DOWN", "evaluation is stopped until the rules change: rules/: rule \"spin\"");
        }
    }

    @Test
    void anOutboxThatCannotSendOrHoldsEmailsIsDegradedAndAStoreThatDoesNotAnswerIsDown() {
        Map<String, Integer>[] counts = new Map[]{Map.of("pending", 3, "sent", 10)};
        OutboxSender.Lately[] lately = {new OutboxSender.Lately(clock.instant(), null, null)};
        boolean[] storeUp = {true};
        ServiceHealth.Outbox check = new ServiceHealth.Outbox(() -> {
            if (!storeUp[0]) throw new StoreException("cannot count the outbox: connection refused", null);
            return counts[0];
        }, () -> lately[0]);
        assertVerdict(call(check), HealthCheck.State.UP, "UP", null);

        lately[0] = new OutboxSender.Lately(clock.instant(), clock.instant().plusSeconds(60), "MailConnectException: Couldn't connect to host");
        assertVerdict(call(check), HealthCheck.State.UP, "DEGRADED", "the outbox cannot send: MailConnectException: Couldn't connect"
                + " to host (3 email(s) waiting");

        lately[0] = new OutboxSender.Lately(clock.instant().plusSeconds(120), clock.instant().plusSeconds(60), "old");
        counts[0] = Map.of("sent", 13, "held", 1);
        assertVerdict(call(check), HealthCheck.State.UP, "DEGRADED", "1 email(s) held for an operator");
        assertThat(call(check).getDetails()).containsEntry("emails.held", 1);

        storeUp[0] = false;
        assertVerdict(call(check), HealthCheck.State.DOWN, "DOWN", "the store does not answer: cannot count the outbox");
    }
}
