package org.perfalert.cli;

import org.perfalert.model.PerformanceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** backtest: what the rules would have raised, month by month, over a range (CONTRACT.md 2). */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Evaluate the rules for every month in a range: what would have fired, month by month")
public class BacktestCommand implements Callable<Integer> {
    private static final long PROGRESS_AFTER_MILLIS = 2000;

    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "data files or folders (tidy CSV, JSON, data.police.uk street files)")
    List<Path> data;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "first month")
    YearMonth from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "last month")
    YearMonth to;

    @Option(names = "--format", defaultValue = "json", description = "json, text or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--notable", description = "print only notable exceptions and signals (SIGNALS.md 3)")
    boolean notableOnly;

    @Override
    public Integer call() throws Exception {
        if (!List.of("json", "text", "csv").contains(format))
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be json, text or csv, not \"" + format + "\"");
        if (from.isAfter(to))
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.currentTimeMillis();
        RuleRun run = new RuleRun(common, data, err);
        long total = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1, done = 0;
        // each month is written as soon as it is evaluated: a long backtest holds one month at a time
        try (ExceptionOutput out = ExceptionOutput.open(format, spec.commandLine().getOut())) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                List<PerformanceException> found = run.evaluator.evaluate(run.history, m);
                if (notableOnly) found = found.stream().filter(PerformanceException::notable).toList();
                out.write(found);
                done++;
                if (System.currentTimeMillis() - start > PROGRESS_AFTER_MILLIS) {
                    err.printf("backtest: %s done (%d of %d months), %d exceptions%n", m, done, total, found.size());
                    err.flush();
                }
            }
        }
        return Main.OK;
    }
}
