package org.perfalert.service;

import org.perfalert.alerts.RunSummary;
import org.perfalert.ingest.FileResult;
import org.perfalert.ingest.InboxFiler;
import org.perfalert.pipeline.MonthRun;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pull.PullResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

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

    /** What one dropped file's load did: months is empty when the file was rejected or changed nothing. */
    public record LoadedFile(String name, boolean accepted, SortedSet<YearMonth> months, Path filedAs, int observations,
                             int problems, String runId) { }

    /** Bean "pipeline": the runs the routes start, a dropped file's (ingest route) and a pull's (pull routes). */
    public static final class PipelineSteps {
        private final Pipeline pipeline;

        public PipelineSteps(Pipeline pipeline) { this.pipeline = pipeline; }

        /** Loads a dropped file whole (or rejects it) and files it in processed/ or rejected/ with its report. */
        public LoadedFile load(File file) throws IOException {
            long start = System.nanoTime();
            String runId = pipeline.newRunId("load");
            FileResult result = pipeline.load(file.toPath());
            Path filed = new InboxFiler(file.toPath().getParent()).file(result);
            LoadedFile loaded = new LoadedFile(file.getName(), result.loaded(), new TreeSet<>(result.touchedMonths()), filed,
                    result.parsed().observations().size(), result.problems().size(), runId);
            INGEST.info("file loaded file={} status={} observations={} problems={} months={} filed={} run={} ms={}",
                    loaded.name(), loaded.accepted() ? "accepted" : "rejected", loaded.observations(), loaded.problems(),
                    loaded.months(), loaded.filedAs(), loaded.runId(), millis(start));
            return loaded;
        }

        /** Evaluates the months the file touched and raises their alerts. */
        public List<MonthRun> evaluate(LoadedFile loaded) { return run(loaded.months(), loaded.runId()); }

        /** Evaluates the months a pull changed and raises their alerts; nothing when no figure changed. */
        public List<MonthRun> evaluatePulled(PullResult result) {
            List<MonthRun> done = run(result.touchedMonths(), result.runId());
            if (!done.isEmpty())
                PULL.info("pulled months evaluated source={} months={} run={}", result.source().name(), result.touchedMonths(), result.runId());
            return done;
        }

        private List<MonthRun> run(SortedSet<YearMonth> months, String runId) {
            List<MonthRun> done = pipeline.evaluateAndRaise(months, runId);
            for (MonthRun m : done) {
                RunSummary s = m.alerts();
                EVALUATE.info("month evaluated month={} series={} exceptions={} run={} ms={}", s.month(),
                        m.evaluation().evaluated().size(), m.evaluation().findings().size(), runId, m.evaluateMillis());
                ALERTS.info("alerts month={} run={} found={} new={} continuing={} resolved={} withdrawn={} silenced={} emails_queued={}",
                        s.month(), runId, s.found(), s.newCount(), s.continuing(), s.resolved(), s.withdrawn(), s.silenced(),
                        s.emailsQueued());
            }
            return done;
        }
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
