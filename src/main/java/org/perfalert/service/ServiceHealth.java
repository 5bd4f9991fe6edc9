package org.perfalert.service;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.notify.OutboxSender;
import org.perfalert.pipeline.OwedMonths;
import org.perfalert.pipeline.Pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * perfalert's own health checks, beside Camel's route checks. Each says UP, DEGRADED (working, but someone should
 * look) or DOWN (a job cannot do its work), with the reason in the check's message and in its details
 * ({@code state}, {@code reason}). Camel knows only UP and DOWN: DEGRADED answers UP (HTTP 200) with state DEGRADED,
 * DOWN answers DOWN (HTTP 503). docs/operations.md lists every reason.
 */
final class ServiceHealth {
    private ServiceHealth() { }

    /** Writes a verdict into Camel's result. */
    static void report(HealthCheckResultBuilder b, Health.Verdict v) {
        b.detail("state", v.state().name());
        if (!v.reason().isEmpty()) b.detail("reason", v.reason()).message(v.state() + ": " + v.reason());
        if (v.state() == Health.State.DOWN) b.down(); else b.up();
    }

    /** DOWN when the store does not answer or nothing can be sent; DEGRADED when emails are held, given up or failing. */
    static final class Outbox extends AbstractHealthCheck {
        private final Supplier<Map<String, Integer>> counts;
        private final Supplier<OutboxSender.Lately> sending;

        Outbox(Supplier<Map<String, Integer>> counts, Supplier<OutboxSender.Lately> sending) {
            super("perfalert", "outbox");
            this.counts = counts;
            this.sending = sending;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Map<String, Integer> counts;
            try {
                counts = this.counts.get();
            } catch (Exception e) {
                builder.error(e);
                report(builder, new Health.Verdict(Health.State.DOWN, "the store does not answer: " + e.getMessage()));
                return;
            }
            int pending = counts.getOrDefault(OutboxEntry.PENDING, 0), held = counts.getOrDefault(OutboxEntry.HELD, 0),
                    failed = counts.getOrDefault(OutboxEntry.FAILED, 0);
            builder.detail("emails.pending", pending).detail("emails.sending", counts.getOrDefault(OutboxEntry.SENDING, 0))
                    .detail("emails.sent", counts.getOrDefault(OutboxEntry.SENT, 0)).detail("emails.failed", failed)
                    .detail("emails.held", held);
            OutboxSender.Lately lately = sending.get();
            Health.Verdict v = Health.Verdict.UP;
            if (lately.failing() && pending > 0)
                v = new Health.Verdict(Health.State.DEGRADED, "the outbox cannot send: " + lately.lastError() + " (" + pending
                        + " email(s) waiting, retried with backoff)");
            else if (held > 0)
                v = new Health.Verdict(Health.State.DEGRADED, held + " email(s) held for an operator: their sending was cut off"
                        + " more often than mail.max-unknown-resends allows (see the log for their Message-IDs)");
            else if (failed > 0)
                v = new Health.Verdict(Health.State.DEGRADED, failed + " email(s) given up after every retry (status failed)");
            report(builder, v);
        }
    }

    /** DOWN when files cannot be loaded; DEGRADED when files wait in the inbox longer than health.inbox.max-age-minutes. */
    static final class Ingest extends AbstractHealthCheck {
        private final Health health;
        private final Path inbox;
        private final Duration maxWait;
        private final boolean doneFiles;

        Ingest(Health health, Path inbox, Duration maxWait, boolean doneFiles) {
            super("perfalert", "ingest");
            this.health = health;
            this.inbox = inbox;
            this.maxWait = maxWait;
            this.doneFiles = doneFiles;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Health.Failure failure = health.ingestFailure();
            Health.Verdict v = Health.Verdict.UP;
            try {
                Health.Waiting w = health.waiting(inbox, maxWait);
                builder.detail("inbox.waiting", w.count());
                if (w.overdue() > 0)
                    v = new Health.Verdict(Health.State.DEGRADED, w.overdue() + " file(s) waiting in the inbox for more than "
                            + maxWait.toMinutes() + " min (longest: " + w.oldest() + ", " + w.oldestWait().toMinutes() + " min)"
                            + (doneFiles ? "; is its done-marker missing?" : "; is ingest stuck, or is it not a plain file?"));
            } catch (Exception e) {
                v = new Health.Verdict(Health.State.DOWN, "the inbox " + inbox + " cannot be read: " + e.getMessage());
            }
            if (failure != null)
                v = new Health.Verdict(Health.State.DOWN, "loading fails since " + failure.at() + ": " + failure.error()
                        + " (the file stays in the inbox and is tried again)");
            report(builder, v);
        }
    }

    /** DOWN when a rule was stopped or evaluating fails; DEGRADED when months are owed too long or rule threads linger. */
    static final class Evaluation extends AbstractHealthCheck {
        private final Pipeline pipeline;
        private final IntSupplier lingering;
        private final Health health;
        private final Duration maxWait;
        private final Clock clock;

        /** lingering: how many threads of stopped rules still run. */
        Evaluation(Pipeline pipeline, IntSupplier lingering, Health health, Duration maxWait, Clock clock) {
            super("perfalert", "evaluation");
            this.pipeline = pipeline;
            this.lingering = lingering;
            this.health = health;
            this.maxWait = maxWait;
            this.clock = clock;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Health.Verdict v = Health.Verdict.UP;
            try {
                SortedMap<java.time.YearMonth, OwedMonths.Owed> owed = pipeline.owed();
                builder.detail("months.owed", owed.size());
                Instant since = owed.values().stream().map(OwedMonths.Owed::since).min(Instant::compareTo).orElse(null);
                if (since != null) builder.detail("owed.since", since.toString());
                if (since != null && Duration.between(since, clock.instant()).compareTo(maxWait) > 0)
                    v = new Health.Verdict(Health.State.DEGRADED, owed.size() + " month(s) owed an evaluation for more than "
                            + maxWait.toMinutes() + " min (oldest " + owed.firstKey() + ")");
            } catch (Exception e) {
                v = new Health.Verdict(Health.State.DOWN, "the store does not answer: " + e.getMessage());
            }
            int stuck = lingering.getAsInt();
            builder.detail("rule.threads.given.up", stuck);
            if (v.state() == Health.State.UP && stuck > 0)
                v = new Health.Verdict(Health.State.DEGRADED, stuck + " thread(s) of stopped rules still run (an endless"
                        + " loop cannot be interrupted); restart the service to free them");
            Health.Failure failure = health.evaluationFailure();
            if (failure != null)
                v = new Health.Verdict(Health.State.DOWN, "evaluation fails since " + failure.at() + ": " + failure.error()
                        + " (the months stay owed and are evaluated when it works again)");
            var stopped = pipeline.stopped();
            if (stopped.isPresent())
                v = new Health.Verdict(Health.State.DOWN, "evaluation is stopped until the rules change: " + stopped.get().describe());
            report(builder, v);
        }
    }

    /** Always UP once started; the details name the version in force and any broken change kept out. */
    static final class Rules extends AbstractHealthCheck {
        private final LiveRules<?> rules;

        Rules(LiveRules<?> rules) {
            super("perfalert", "rules");
            this.rules = rules;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("rules.version", rules.current().hash());
            List<String> problems = rules.lastProblems();
            if (!problems.isEmpty())
                builder.detail("rules.change.kept.out", problems.size() + " problem(s), first: " + problems.get(0));
            builder.up();
        }
    }
}
