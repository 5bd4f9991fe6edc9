package org.perfalert.cli;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.rules.RuleBase;
import org.perfalert.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * reevaluate: redoes the evaluation of stored months through the same pipeline as a load (docs/operations.md). The
 * months given are recorded as owed, then every owed month is evaluated, its alerts raised and its emails queued; with
 * no month given, only what is owed (left by a crash, an outage or a stopped rule) is finished.
 */
@Command(name = "reevaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate stored months again with the rules in rules/, raise their alerts and queue the emails.",
                "With no --month: finish the months owed an evaluation (left by a crash, an outage or a stopped rule).",
                "Alerts already raised are not raised twice; an email already queued for an exception is not queued again."})
public class ReevaluateCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = MonthConverter.class, arity = "1..*",
            description = "a month to evaluate again (repeatable)")
    List<YearMonth> months = List.of();

    @Option(names = "--send", description = "send the queued emails now instead of leaving them to the service")
    boolean send;

    @Override
    public Integer call() throws Exception {
        Configuration cfg = ConfigLoader.load(common.config);
        RuleBase rules = LoadRun.compileFirst(common.rules, true, "evaluated");
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = Store.open(cfg.settings())) {
            LoadRun run = LoadRun.over(cfg, rules, store, spec.commandLine().getErr());
            String runId = run.pipeline().newRunId("reevaluate");
            SortedSet<YearMonth> asked = new TreeSet<>(months);
            if (!asked.isEmpty()) {
                SortedSet<YearMonth> stored = new TreeSet<>();
                for (YearMonth m : asked) if (store.observations().has(m)) stored.add(m);
                asked.stream().filter(m -> !stored.contains(m))
                        .forEach(m -> spec.commandLine().getErr().println("note: the store has no figures for " + m + ", so it is not evaluated"));
                run.pipeline().owe(stored, runId);
            }
            run.finishOwed(runId, send, out);
        }
        out.flush();
        return Main.OK;
    }
}
