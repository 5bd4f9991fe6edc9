package org.perfalert.service;

import org.perfalert.service.Stages.Evaluation;
import org.perfalert.service.Stages.LoadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The beans the routes call, one per step. Each does one stage's call and writes one structured log
 * line (key=value) about it; the work itself is in the stages.
 */
public final class Steps {
    private static final Logger INGEST = LoggerFactory.getLogger("perfalert.ingest");
    private static final Logger EVALUATE = LoggerFactory.getLogger("perfalert.evaluate");
    private static final Logger NOTIFY = LoggerFactory.getLogger("perfalert.notify");
    private static final Logger DIGEST = LoggerFactory.getLogger("perfalert.digest");

    private Steps() { }

    /** What a file's months brought: the load and each month's evaluation. */
    public record FileRun(LoadedFile file, List<Evaluation> evaluations) { }

    /** Bean "loadFile": loads a dropped file whole and files it in processed/ or rejected/. */
    public static final class LoadFile {
        private final Stages.FileIntake intake;

        public LoadFile(Stages.FileIntake intake) { this.intake = intake; }

        public LoadedFile load(File file) throws Exception {
            long start = System.nanoTime();
            LoadedFile loaded = intake.load(file.toPath());
            INGEST.info("file loaded file={} status={} observations={} problems={} months={} filed={} run={} ms={}",
                    loaded.name(), loaded.accepted() ? "accepted" : "rejected", loaded.observations(), loaded.problems(),
                    loaded.months(), loaded.filedAs(), loaded.runId(), millis(start));
            return loaded;
        }
    }

    /** Bean "evaluateMonths": evaluates each month the file touched, with the rules in force. */
    public static final class EvaluateMonths {
        private final Stages.MonthEvaluator evaluator;

        public EvaluateMonths(Stages.MonthEvaluator evaluator) { this.evaluator = evaluator; }

        public FileRun evaluate(LoadedFile loaded) throws Exception {
            List<Evaluation> done = new ArrayList<>();
            for (YearMonth month : loaded.months()) {
                long start = System.nanoTime();
                Evaluation e = evaluator.evaluate(month);
                EVALUATE.info("month evaluated month={} series={} exceptions={} run={} ms={}",
                        month, e.evaluated().size(), e.exceptions().size(), loaded.runId(), millis(start));
                done.add(e);
            }
            return new FileRun(loaded, done);
        }
    }

    /** Bean "raiseAlerts": hands each month's exceptions to the alert stage (store, routing, outbox). */
    public static final class RaiseAlerts {
        private final Stages.AlertStage alerts;

        public RaiseAlerts(Stages.AlertStage alerts) { this.alerts = alerts; }

        public FileRun alert(FileRun run) throws Exception {
            for (Evaluation e : run.evaluations()) alerts.process(e, run.file().runId());
            return run;
        }
    }

    /** Bean "sendOutbox": sends what is due in the outbox (the stage logs each email sent or failed). */
    public static final class SendOutbox {
        private final Stages.OutboxStage outbox;

        public SendOutbox(Stages.OutboxStage outbox) { this.outbox = outbox; }

        public int sendDue() throws Exception {
            int sent = outbox.sendDue();
            if (sent > 0) NOTIFY.info("outbox sent={}", sent);
            return sent;
        }
    }

    /** Bean "weeklyDigest": builds and sends the weekly digest. */
    public static final class WeeklyDigest {
        private final Stages.DigestStage digest;

        public WeeklyDigest(Stages.DigestStage digest) { this.digest = digest; }

        public String weekly() throws Exception {
            String what = digest.weekly();
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
