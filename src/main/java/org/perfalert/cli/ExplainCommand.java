package org.perfalert.cli;

import org.perfalert.config.Names;
import org.perfalert.model.Area;
import org.perfalert.model.Metric;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Explanation;
import org.perfalert.rules.Series;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** explain: every rule of the pack for one figure, fired or not, and the numbers it compared, in words. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Why each rule did or did not fire for one figure (metric, area, month), with the numbers it compared")
public class ExplainCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "data files or folders (tidy CSV, JSON, data.police.uk street files), read as evaluate reads them")
    List<Path> data;

    @Option(names = "--metric", required = true, paramLabel = "ID", description = "the metric id")
    String metric;

    @Option(names = "--area", paramLabel = "NAME", description = "the force, a policing area or a district (default: the force)")
    String area;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "the month (default: the latest month in the data)")
    YearMonth month;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleRun run = new RuleRun(common, data, spec.commandLine().getErr());
        List<String> ids = run.config.catalogue().all().stream().map(Metric::id).toList();
        if (!ids.contains(metric)) throw new UserError("--metric \"" + metric + "\" is not in metrics.yaml" + Names.didYouMean(metric, ids));
        List<String> names = run.config.areas().all().stream().map(Area::name).toList();
        String place = area == null ? run.config.areas().force() : names.stream().filter(n -> n.equalsIgnoreCase(area)).findFirst()
                .orElseThrow(() -> new UserError("--area \"" + area + "\" is not in areas.yaml" + Names.didYouMean(area, names)));
        YearMonth m = month != null ? month : run.latestMonth();
        List<Series> all = run.history.seriesAt(m, run.rules.settings().forSeries());
        Series figure = all.stream().filter(s -> s.getMetricId().equals(metric) && s.getArea().equals(place)).findFirst()
                .orElseThrow(() -> new UserError("the data has no figure for " + metric + " in " + place + " in " + m
                        + " (no rule is evaluated for a month without a figure)"));
        List<PerformanceException> raised = run.evaluator.evaluate(run.history, m);
        out.println(figure.headline("explained").replaceFirst(": explained$", ""));
        if (figure.getCalibration() != null) out.println("calibrated: " + figure.getCalibration());
        out.println();
        List<Explanation.Line> lines = new Explanation(run.rules, run.config.areas()).explain(figure, all, raised);
        int width = lines.stream().mapToInt(l -> l.rule().length()).max().orElse(10);
        for (Explanation.Line l : lines) {
            String used = settings(run, l.settings());
            out.printf("%-" + width + "s  %-3s  %s%s%n", l.rule(), l.fired() ? "yes" : "no", l.words(), used.isEmpty() ? "" : "  [" + used + "]");
        }
        long fired = lines.stream().filter(Explanation.Line::fired).count();
        out.println();
        out.println(fired + " of " + lines.size() + " rules fired");
        out.flush();
        return Main.OK;
    }

    private static String settings(RuleRun run, List<String> names) {
        return String.join(", ", names.stream().filter(n -> !n.startsWith("severity.") && !n.startsWith("notable.basis.")).map(n -> n + " = " + run.rules.settings().text(n)).toList());
    }
}
