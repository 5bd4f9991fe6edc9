package org.perfalert.cli;

import org.perfalert.alerts.AlertPipeline;
import org.perfalert.alerts.RunSummary;
import org.perfalert.config.Configuration;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.*;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.Series;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.store.ObservationStore;
import org.perfalert.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.*;

/**
 * What `load` does once files are stored: evaluates every month whose figures changed (oldest first,
 * because "new" is judged against the month before) and hands what was found to the alert pipeline,
 * which stores it and queues the emails in the outbox. With send=true the outbox is sent at once.
 */
final class MonthsAfterLoad {
    private final Configuration cfg;
    private final RuleBase rules;
    private final Store store;
    private final PrintWriter out;

    MonthsAfterLoad(Configuration cfg, RuleBase rules, Store store, PrintWriter out) {
        this.cfg = cfg;
        this.rules = rules;
        this.store = store;
        this.out = out;
    }

    /**
     * Compiles the rules before anything is stored, so broken rules never leave figures loaded but
     * unevaluated; what says what was refused ("loaded", "pulled").
     */
    static RuleBase compileFirst(java.nio.file.Path rulesDir, String what) {
        try {
            return RuleCompiler.compile(rulesDir);
        } catch (RuleProblems e) {
            throw new UserError("the rules in " + rulesDir + " do not compile; nothing was " + what + ":"
                    + System.lineSeparator() + String.join(System.lineSeparator(), e.problems()));
        }
    }

    void process(SortedSet<YearMonth> touched, boolean send) throws Exception {
        if (touched.isEmpty()) {
            out.println("No figures changed: nothing to evaluate.");
            return;
        }
        ObservationStore observations = store.observations();
        List<Observation> all = observations.all();
        Clock clock = Clock.systemDefaultZone();
        Evaluator evaluator = new Evaluator(rules, cfg.catalogue(), cfg.areas());
        // Evaluating a month uses only months up to it (CONTRACT.md 5.1), so one history serves every month;
        // the email charts draw from it too, so derived area and force totals have their charts.
        SeriesBuilder series = evaluator.history(all);
        AlertPipeline pipeline = new AlertPipeline(store.dataSource(), cfg, series::values, clock);
        String runId = "load-" + clock.instant().toEpochMilli();
        for (YearMonth month : touched) {
            List<PerformanceException> found = evaluator.evaluate(series, month);
            Set<SeriesKey> evaluated = new HashSet<>();
            for (Series s : series.seriesAt(month)) evaluated.add(new SeriesKey(s.getMetricId(), s.getLevel(), s.getArea()));
            RunSummary s = pipeline.process(month, found, evaluated, runId + "-" + month);
            out.printf("Evaluated %s: %d exceptions (%d new, %d continuing, %d resolved, %d withdrawn, %d silenced); %d emails queued%n",
                    month, s.found(), s.newCount(), s.continuing(), s.resolved(), s.withdrawn(), s.silenced(), s.emailsQueued());
        }
        if (send) {
            MailSettings mail = MailSettings.from(cfg.settings());
            OutboxSender.Report r = new OutboxSender(pipeline.outbox(), mail.transport(), clock, Backoff.from(cfg.settings())).sendDue();
            out.printf("Sent %d emails (%s mode)%s%n", r.sent(), mail.mode(), r.failed() > 0 ? "; " + r.failed() + " failed and will be retried" : "");
        } else {
            out.println("Emails wait in the outbox: `perfalert run` sends them (or load with --send).");
        }
    }
}
