package org.perfalert.cli;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.FileResult;
import org.perfalert.rules.RuleBase;
import org.perfalert.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load files into the store (CONTRACT.md 1.4) and print a report per file.",
                "Reads tidy CSV (*.csv), JSON (*.json) and data.police.uk street files (*-street.csv[.gz]); folders are read recursively.",
                "Each file is stored whole or, if it has any problem, not at all. Exit 1 if any file was refused."})
public class LoadCommand implements Callable<Integer> {
    @Mixin Common common;

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH", description = "files or folders to load")
    List<Path> data;

    @Option(names = "--send", description = "send the queued emails now instead of leaving them to the service")
    boolean send;

    @Option(names = "--no-evaluate", negatable = true, defaultValue = "true",
            description = "evaluate the months whose figures changed and queue the emails (default: on)")
    boolean evaluate = true;

    @Override
    public Integer call() throws Exception {
        Configuration cfg = ConfigLoader.load(common.config);
        RuleBase rules = LoadRun.compileFirst(common.rules, evaluate, "loaded");
        PrintWriter out = spec.commandLine().getOut();
        List<FileResult> results;
        try (Store store = Store.open(cfg.settings())) {
            LoadRun run = LoadRun.over(cfg, rules, store, spec.commandLine().getErr());
            results = run.pipeline().loadAll(data);
            results.forEach(r -> out.print(r.report().render()));
            SortedSet<YearMonth> touched = new TreeSet<>();
            results.forEach(r -> touched.addAll(r.touchedMonths()));
            if (evaluate) run.evaluateAndRaise(touched, run.pipeline().newRunId("load"), send, out);
        }
        long refused = results.stream().filter(r -> !r.loaded()).count();
        out.println(results.size() - refused + " of " + results.size() + (results.size() == 1 ? " file" : " files") + " loaded"
                + (refused > 0 ? "; " + refused + " refused (see above)" : ""));
        out.flush();
        return refused > 0 ? Main.INPUT_ERROR : Main.OK;
    }
}
