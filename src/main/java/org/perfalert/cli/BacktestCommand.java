package org.perfalert.cli;

import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * backtest: what the rules would have raised, month by month, over a range (CONTRACT.md 2); with
 * --summary a table of counts by rule and month, with --compare what a changed rule folder or settings
 * file would have raised instead (docs/analysts.md).
 */
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

    @Option(names = "--format", description = "json, text or csv (default: json; text with --compare or --summary)")
    String format;

    @Mixin Filters filters;

    @Option(names = "--summary", description = "print a table of counts by rule and month instead of the exceptions")
    boolean summary;

    @Option(names = "--compare", paramLabel = "RULES_DIR_OR_SETTINGS_FILE",
            description = "compare with another rule folder, or with the rules of --rules under another settings file:"
                    + " per rule and month, the exceptions added and removed")
    Path compare;

    @Option(names = "--examples", defaultValue = "3", paramLabel = "N",
            description = "with --compare: examples of added and removed exceptions per rule and month (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--notable", description = "print only notable exceptions and signals (SIGNALS.md 3)")
    boolean notableOnly;

    @Override
    public Integer call() throws Exception {
        String fmt = format != null ? format : compare != null || summary ? "text" : "json";
        if (!List.of("json", "text", "csv").contains(fmt))
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be json, text or csv, not \"" + fmt + "\"");
        if (from.isAfter(to))
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        if (examples < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--examples must be 0 or more");
        PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
        long start = System.currentTimeMillis();
        RuleRun run = new RuleRun(common, data, err);
        RuleBase other = compare == null ? null : other();
        Set<String> ruleIds = new HashSet<>(run.rules.ruleIds());
        if (other != null) ruleIds.addAll(other.ruleIds());
        Predicate<PerformanceException> keep = filters.check(ruleIds, run.config.catalogue(), run.config.areas());
        if (notableOnly) keep = keep.and(PerformanceException::notable);
        Evaluator after = other == null ? null : run.evaluatorOf(other);
        Comparison comparison = new Comparison(summary ? 0 : examples);
        BacktestSummary table = new BacktestSummary();
        long total = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1, done = 0;
        // each month is written as soon as it is evaluated: a long backtest holds one month at a time
        try (ExceptionOutput listing = compare == null && !summary ? ExceptionOutput.open(fmt, out) : null) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                List<PerformanceException> found = run.evaluate(run.evaluator, m, keep);
                if (after != null) comparison.add(m, found, run.evaluate(after, m, keep));
                else if (summary) table.add(m, found);
                else listing.write(found);
                done++;
                if (System.currentTimeMillis() - start > PROGRESS_AFTER_MILLIS) {
                    err.printf("backtest: %s done (%d of %d months), %d exceptions%n", m, done, total, found.size());
                    err.flush();
                }
            }
        }
        if (after != null) {
            String was = common.rules.toString(), now = compare.toString();
            switch (fmt) {
                case "json" -> comparison.json(out, was, now);
                case "csv" -> comparison.csv(out);
                default -> comparison.text(out, was, now, !summary);
            }
        } else if (summary) {
            switch (fmt) {
                case "json" -> table.json(out);
                case "csv" -> table.csv(out);
                default -> table.text(out);
            }
        }
        return Main.OK;
    }

    /** The version to compare with: a rule folder, or a settings file for the rule files of --rules. */
    private RuleBase other() {
        try {
            if (Files.isDirectory(compare)) return RuleCompiler.compile(compare);
            if (!Files.isRegularFile(compare))
                throw new UserError("--compare " + compare + ": no such rule folder or settings file");
            return RuleCompiler.compile(common.rules, compare);
        } catch (RuleProblems p) {
            throw new UserError("the rules to compare with (" + compare + ") do not compile:\n" + String.join("\n", p.problems()));
        }
    }
}
