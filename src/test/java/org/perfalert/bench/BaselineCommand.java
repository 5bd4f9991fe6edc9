package org.perfalert.bench;

import org.perfalert.cli.ExceptionOutput;
import org.perfalert.config.Configuration;
import org.perfalert.config.ConfigLoader;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.model.Direction;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.RuleSettings;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The yardstick for a whole-process backtest: `perfalert backtest` as a programmer would write it by
 * hand for the baseline's 12 rules. The same reader (ObservationReader, every row checked) and the
 * same writer (ExceptionOutput) as perfalert, severities from the rule folder's settings, the
 * contract's order; in between, BaselineEvaluator on arrays instead of the rule engine. Its headline
 * is plain (label, value, rule), as it has no wording of its own.
 * <p>
 * Usage: BaselineCommand --config DIR --rules DIR --data PATH... --from YYYY-MM --to YYYY-MM [--format json|csv|text]
 */
public final class BaselineCommand {
    private BaselineCommand() { }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opt = options(args);
        Configuration config = ConfigLoader.loadForRules(Path.of(one(opt, "config")));
        List<String> problems = new ArrayList<>();
        RuleSettings settings = RuleSettings.read(Path.of(one(opt, "rules")), problems);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        List<Path> data = opt.get("data").stream().map(Path::of).toList();
        BaselineEvaluator baseline = BaselineHistory.read(each -> ObservationReader.readEach(data, config, each),
                config.catalogue(), config.areas());
        YearMonth from = YearMonth.parse(one(opt, "from")), to = YearMonth.parse(one(opt, "to"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try (ExceptionOutput output = ExceptionOutput.open(opt.getOrDefault("format", List.of("json")).get(0), out)) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                int index = (int) baseline.month(0).until(m, java.time.temporal.ChronoUnit.MONTHS);
                List<PerformanceException> found = new ArrayList<>();
                if (index >= 0 && index < baseline.months())
                    for (BaselineEvaluator.Finding f : baseline.evaluate(index)) found.add(exception(f, settings));
                found.sort(PerformanceException.ORDER);
                output.write(found);
            }
        }
    }

    private static PerformanceException exception(BaselineEvaluator.Finding f, RuleSettings settings) {
        double value = ((Number) f.evidence().get("value")).doubleValue();
        return new PerformanceException(f.rule(), f.metric().id(), f.areaType(), f.area(), f.month(), settings.severity(f.rule()),
                Direction.of(f.up(), f.metric().better()), f.metric().label() + " " + value + " in " + f.month() + ": " + f.rule(),
                f.evidence());
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> opt = new HashMap<>();
        List<String> current = null;
        for (String a : args) {
            if (a.startsWith("--")) opt.put(a.substring(2), current = new ArrayList<>());
            else if (current != null) current.add(a);
            else throw new IllegalArgumentException("unexpected argument " + a);
        }
        return opt;
    }

    private static String one(Map<String, List<String>> opt, String name) {
        List<String> v = opt.get(name);
        if (v == null || v.size() != 1) throw new IllegalArgumentException("give --" + name + " once");
        return v.get(0);
    }
}
