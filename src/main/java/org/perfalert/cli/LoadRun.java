package org.perfalert.cli;

import org.perfalert.alerts.RunSummary;
import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.notify.MailSettings;
import org.perfalert.notify.OutboxSender;
import org.perfalert.pipeline.Limits;
import org.perfalert.pipeline.MonthRun;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pipeline.RunParts;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.RuleStopped;
import org.perfalert.store.Store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;

/**
 * What load and pull share: the rules compiled before the store is touched (so broken rules never leave figures
 * loaded but not evaluated), the pipeline over the store, and what its run prints; with --send the outbox is sent.
 */
final class LoadRun {
    private final Configuration cfg;
    private final Store store;
    private final Pipeline pipeline;
    private final Clock clock;

    private LoadRun(Configuration cfg, Store store, RunParts parts, Clock clock) {
        this.cfg = cfg;
        this.store = store;
        this.clock = clock;
        this.pipeline = new Pipeline(store, () -> parts, clock, Limits.from(cfg.settings()));
    }

    /**
     * Compiles the rules (unless evaluate is false); what names what a failure refuses ("loaded", "pulled").
     * Returns null when nothing is to be evaluated.
     */
    static RuleBase compileFirst(Path rulesDir, boolean evaluate, String what) {
        if (!evaluate) return null;
        try {
            return RuleCompiler.compile(rulesDir);
        } catch (RuleProblems e) {
            throw new UserError("the rules in " + rulesDir + " do not compile; nothing was " + what + ":"
                    + System.lineSeparator() + String.join(System.lineSeparator(), e.problems()));
        }
    }

    /** The run over an open store, with the rules given (null: load only). */
    static LoadRun over(Configuration cfg, RuleBase rules, Store store, PrintWriter err) throws ConfigException {
        Clock clock = Clock.systemDefaultZone();
        RunParts parts = rules == null ? RunParts.loadOnly(cfg, store, clock)
                : RunParts.of(cfg, rules, store, clock, p -> { err.println("warning: " + p); err.flush(); });
        return new LoadRun(cfg, store, parts, clock);
    }

    Pipeline pipeline() { return pipeline; }

    /** Evaluates the months whose figures changed, raises their alerts and says what was done; sends when asked. */
    void evaluateAndRaise(SortedSet<YearMonth> touched, String runId, boolean send, PrintWriter out) {
        if (touched.isEmpty()) {
            out.println("No figures changed: nothing to evaluate.");
            return;
        }
        print(guarded(() -> pipeline.evaluateAndRaise(touched, runId)), out);
        send(send, out);
    }

    /** Evaluates every month owed an evaluation (in chunks, oldest first) and says what was done; sends when asked. */
    void finishOwed(String runId, boolean send, PrintWriter out) {
        int months = 0;
        for (List<MonthRun> chunk; !(chunk = guarded(() -> pipeline.evaluateOwed(runId))).isEmpty(); months += chunk.size())
            print(chunk, out);
        if (months == 0) out.println("No month is owed an evaluation.");
        send(send, out);
    }

    private static List<MonthRun> guarded(java.util.function.Supplier<List<MonthRun>> run) {
        try {
            return run.get();
        } catch (RuleStopped e) {
            throw new UserError(e.getMessage() + "; the figures are stored and the months stay owed an evaluation:"
                    + " correct the rule, then run perfalert reevaluate (or let perfalert run finish them)");
        }
    }

    private static void print(List<MonthRun> months, PrintWriter out) {
        for (MonthRun m : months) {
            RunSummary s = m.alerts();
            out.printf("Evaluated %s%s: %d exceptions (%d new, %d continuing, %d resolved, %d withdrawn, %d silenced); %d emails queued%n",
                    s.month(), m.backfill() ? " (backfill: stored, emailed to no one)" : "", s.found(), s.newCount(),
                    s.continuing(), s.resolved(), s.withdrawn(), s.silenced(), s.emailsQueued());
        }
    }

    private void send(boolean send, PrintWriter out) {
        if (send) {
            MailSettings mail = MailSettings.from(cfg.settings());
            OutboxSender.Report r = OutboxSender.over(store.dataSource(), cfg.settings(), clock).sendDue();
            out.printf("Sent %d emails (%s mode)%s%n", r.sent(), mail.mode(), r.failed() > 0 ? "; " + r.failed() + " failed and will be retried" : "");
        } else {
            out.println("Emails wait in the outbox: `perfalert run` sends them (or use --send).");
        }
    }
}
