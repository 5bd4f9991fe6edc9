package org.perfalert.service;

import org.perfalert.alerts.RunSummary;
import org.perfalert.ingest.FileNames;
import org.perfalert.ingest.Inbox;
import org.perfalert.rules.RuleStopped;
import org.perfalert.pipeline.MonthRun;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pull.PullResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The beans the routes call, one per route's job. Each does one call of the stage behind it and writes one structured
 * log line (key=value) about it; the work itself is in the stages. {@link ServiceBeans} binds them.
 */
public final class Steps {
    private static final Logger INGEST = LoggerFactory.getLogger("perfalert.ingest");
    private static final Logger EVALUATE = LoggerFactory.getLogger("perfalert.evaluate");
    private static final Logger ALERTS = LoggerFactory.getLogger("perfalert.alerts");
    private static final Logger NOTIFY = LoggerFactory.getLogger("perfalert.notify");
    private static final Logger DIGEST = LoggerFactory.getLogger("perfalert.digest");
    private static final Logger PULL = LoggerFactory.getLogger("perfalert.pull");

    private Steps() { }

    /** Bean "pipeline": the runs the routes start, a dropped file's (ingest route), what is owed (evaluate route), a pull's. */
    public static final class PipelineSteps {
        private final Pipeline pipeline;
        private final Inbox inbox;
        private final Health health;

        public PipelineSteps(Pipeline pipeline, Inbox inbox, Health health) {
            this.pipeline = pipeline;
            this.inbox = inbox;
            this.health = health;
        }

        /**
         * Takes a dropped file: loads it whole (or refuses it) with its fate and its months owed in one transaction,
         * then files it in processed/ or rejected/ with its report. The evaluate route evaluates what it owes.
         */
        public Inbox.Taken load(File file) throws IOException {
            long start = System.nanoTime();
            String runId = pipeline.newRunId("load");
            Inbox.Taken taken;
            try {
                taken = pipeline.takeDropped(inbox, file.toPath(), runId);
            } catch (IOException | RuntimeException e) {
                health.ingestFailed(e);
                throw e;
            }
            health.ingestWorked();
            switch (taken.outcome()) {
                case GONE -> INGEST.warn("file gone before it was read file={} run={}", FileNames.shown(taken.name()), runId);
                case FILED_AS_RECORDED -> INGEST.info("file already decided, filed without reading it again file={} status={} filed={}"
                        + " run={}", FileNames.shown(taken.name()), taken.loaded() ? "accepted" : "rejected", shown(taken.filedAs()), runId);
                default -> INGEST.info("file loaded file={} status={} observations={} problems={} months={} filed={} run={} ms={}",
                        FileNames.shown(taken.name()), taken.loaded() ? "accepted" : "rejected", taken.observations(), taken.problems(),
                        taken.months(), shown(taken.filedAs()), runId, millis(start));
            }
            return taken;
        }

        /** Evaluates the oldest months owed (a chunk) and raises their alerts; the next call takes the next chunk. */
        public List<MonthRun> evaluateOwed() {
            String runId = pipeline.newRunId("evaluate");
            try {
                List<MonthRun> done = log(pipeline.evaluateOwed(runId), runId);
                health.evaluationWorked();
                return done;
            } catch (RuleStopped e) {
                health.evaluationWorked(); // not a failure of the store: the pipeline reports the stop itself
                return List.of();
            } catch (RuntimeException e) {
                health.evaluationFailed(e);
                throw e;
            }
        }

        /** Evaluates the months a pull changed and raises their alerts; nothing when no figure changed. */
        public List<MonthRun> evaluatePulled(PullResult result) {
            List<MonthRun> done = log(pipeline.evaluateAndRaise(result.touchedMonths(), result.runId()), result.runId());
            if (!done.isEmpty())
                PULL.info("pulled months evaluated source={} months={} run={}", result.source().name(), result.touchedMonths(), result.runId());
            return done;
        }

        private static List<MonthRun> log(List<MonthRun> done, String runId) {
            for (MonthRun m : done) {
                RunSummary s = m.alerts();
                EVALUATE.info("month evaluated month={} series={} exceptions={} run={} ms={}", s.month(),
                        m.evaluation().evaluated().size(), m.evaluation().findings().size(), runId, m.evaluateMillis());
                ALERTS.info("alerts month={} run={} found={} new={} continuing={} resolved={} withdrawn={} silenced={} emails_queued={}{}",
                        s.month(), runId, s.found(), s.newCount(), s.continuing(), s.resolved(), s.withdrawn(), s.silenced(),
                        s.emailsQueued(), m.backfill() ? " backfill=true (older than notify.max-age-months: emailed to no one)" : "");
            }
            return done;
        }

        private static String shown(Path filed) { return filed == null ? "-" : FileNames.shown(filed.toString()); }
    }

    /** Bean "sendOutbox": sends what is due in the outbox (the sender logs each email sent or failed). */
    public static final class SendOutbox {
        private final Assembly parts;

        public SendOutbox(Assembly parts) { this.parts = parts; }

        public int sendDue() {
            int sent = parts.sendDue();
            if (sent > 0) NOTIFY.info("outbox sent={}", sent);
            return sent;
        }
    }

    /** Bean "weeklyDigest": builds and sends the weekly digest of the last complete week. */
    public static final class WeeklyDigest {
        private final Assembly parts;

        public WeeklyDigest(Assembly parts) { this.parts = parts; }

        public String weekly() throws IOException {
            String what = parts.digest().weekly();
            DIGEST.info("digest {}", what);
            return what;
        }
    }

    /** Bean "reloadRules": looks at rules/ and config/ and swaps in a sound new version. */
    public static final class ReloadRules {
        private final LiveRules<?> rules;

        public ReloadRules(LiveRules<?> rules) { this.rules = rules; }

        public String check() { return rules.check().name(); }
    }

    private static long millis(long start) { return (System.nanoTime() - start) / 1_000_000; }
}
