package org.perfalert.cli;

import org.perfalert.model.PerformanceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** evaluate: a dry run of the rules for one month over the files given (CONTRACT.md 2). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Dry run: evaluate the rules for one month and print the exceptions. Stores nothing, sends nothing.")
public class EvaluateCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "data files or folders (tidy CSV, JSON, data.police.uk street files)")
    List<Path> data;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "the month to evaluate (default: the latest month in the data)")
    YearMonth month;

    @Option(names = "--format", defaultValue = "json", description = "json, text or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin Filters filters;

    @Option(names = "--notable", description = "print only notable exceptions and signals (SIGNALS.md 3)")
    boolean notableOnly;

    @Override
    public Integer call() throws Exception {
        if (!List.of("json", "text", "csv").contains(format))
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be json, text or csv, not \"" + format + "\"");
        RuleRun run = new RuleRun(common, data, spec.commandLine().getErr());
        var keep = filters.check(run.rules.ruleIds(), run.config.catalogue(), run.config.areas());
        YearMonth m = month != null ? month : run.latestMonth();
        if (!run.history.hasFiguresAt(m))
            spec.commandLine().getErr().println("note: the data has no figures for " + m + ", so nothing is evaluated"
                    + run.history.latestMonth().map(l -> " (the latest month in the data is " + l + ")").orElse(""));
        List<PerformanceException> found = run.evaluate(run.evaluator, m, keep);
        if (notableOnly) found = found.stream().filter(PerformanceException::notable).toList();
        ExceptionOutput.print(found, format, spec.commandLine().getOut());
        return Main.OK;
    }
}
