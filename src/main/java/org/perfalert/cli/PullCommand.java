package org.perfalert.cli;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.pull.PullResult;
import org.perfalert.pull.PullWindow;
import org.perfalert.pull.Pulling;
import org.perfalert.pull.Source;
import org.perfalert.pull.SourcesFile;
import org.perfalert.rules.RuleBase;
import org.perfalert.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Pull one source of config/sources.yaml now, load what it gives (as `load` does) and print the load report.",
                "Without --month the source's recent months are pulled, as on its schedule. A disabled source may be pulled this way.",
                "The months whose figures changed are evaluated and their emails queued, as after `load`.",
                "Exit 1 if the source failed or its payload was refused."})
public class PullCommand implements Callable<Integer> {
    @Mixin Common common;

    @Spec CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "the source's name in sources.yaml")
    String source;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "pull this month only (default: the source's recent months)")
    String month;

    @Option(names = "--send", description = "send the queued emails now instead of leaving them to the service")
    boolean send;

    @Option(names = "--no-evaluate", negatable = true, defaultValue = "true",
            description = "evaluate the months whose figures changed and queue the emails (default: on)")
    boolean evaluate = true;

    @Override
    public Integer call() throws Exception {
        Configuration cfg = ConfigLoader.load(common.config);
        List<Source> sources = SourcesFile.load(common.config);
        RuleBase rules = LoadRun.compileFirst(common.rules, evaluate, "pulled");
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemDefaultZone();
        PullResult result;
        try (Store store = Store.open(cfg.settings())) {
            LoadRun run = LoadRun.over(cfg, rules, store, spec.commandLine().getErr());
            Pulling pulling = Pulling.create(cfg, store, sources, run.pipeline()::load, System.getenv(), clock);
            Source s = pulling.source(source).orElseThrow(() -> new UserError("no source named \"" + source + "\" in "
                    + common.config.resolve(SourcesFile.NAME) + (sources.isEmpty() ? " (no sources are declared; see docs/sources.md)"
                    : " (known: " + String.join(", ", sources.stream().map(Source::name).toList()) + ")")));
            PullWindow window = month == null ? PullWindow.recent(s.months(), clock) : PullWindow.of(parseMonth());
            result = pulling.puller().pull(s, window);
            out.print(result.render());
            // The months the pull changed go the same way as a loaded file's.
            if (evaluate) run.evaluateAndRaise(result.touchedMonths(), result.runId(), send, out);
            out.flush();
        }
        return result.ok() ? Main.OK : Main.INPUT_ERROR;
    }

    private YearMonth parseMonth() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--month \"" + month + "\" is not a month (write it as YYYY-MM, e.g. 2025-03)");
        }
    }
}
