package org.perfalert.bench;

import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.SeriesBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * The benchmark (not a test): times the rule engine against the hand-written baseline at force and
 * national scale, a backtest, growth from 1x to 100x a force, loading against parsing, rule reload,
 * start-up, and the national month in a child JVM with -Xmx512m. Every figure is the median of
 * several runs with min–max; engine and baseline runs are interleaved so their ratio stands up to a
 * busy machine. Run it with: mvn -B -o -Pbench test-compile exec:exec [-Dbench.args="..."]
 *
 * Arguments: --runs N (default 5), --parts reload,load,start,eval,backtest,scale,heap,force,policeuk,national,floor
 * (default all but floor), --rules DIR (default rules), --out FILE (default target/bench/report.md);
 * whole-process parts (start, force, policeuk, national): --process-runs N (default 3), --data DIR (where
 * the data sets are written once, default target/bench/data), --jar FILE (run the commands of another
 * build, e.g. an earlier commit's perfalert.jar; the baseline is then left out).
 * --jfr FILE only summarises a flight recording (e.g. one made with
 * -Dbench.jvm=-XX:StartFlightRecording=filename=FILE,settings=profile).
 */
public final class NationalBenchmark {
    static final int MONTHS = 36;

    private final Report report;
    private final int runs;
    private final Path rules, work;
    private RuleBase full, subset, subsetOneSession;

    NationalBenchmark(Report report, int runs, Path rules, Path work) {
        this.report = report;
        this.runs = runs;
        this.rules = rules;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        if (opt.containsKey("jfr")) { JfrSummary.main(new String[] {opt.get("jfr"), opt.getOrDefault("out", "target/bench/profile.md")}); return; }
        if (opt.containsKey("child-national-month")) { HeapCheck.child(Path.of(opt.get("rules")), Integer.parseInt(opt.getOrDefault("months", "1"))); return; }
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        Set<String> parts = new LinkedHashSet<>(List.of(opt.getOrDefault("parts", "reload,load,start,eval,backtest,scale,heap,force,policeuk,national").split(",")));
        Path rules = Path.of(opt.getOrDefault("rules", "rules")).toAbsolutePath();
        Path work = Files.createTempDirectory("perfalert-bench");
        Report report = new Report(System.out, Path.of(opt.getOrDefault("out", "target/bench/report.md")));
        report.line("# perfalert benchmark, %s", Instant.now());
        report.line("load average at start: %s", Report.load());
        report.line("runs per figure: %d (after warm-up runs); cores: %d; max heap: %d MB; java %s",
                runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        NationalBenchmark b = new NationalBenchmark(report, runs, rules, work);
        b.compile();
        if (parts.contains("reload")) new StartupAndReload(report, runs, rules, work).reload();
        if (parts.contains("load")) new StartupAndReload(report, runs, rules, work).load();
        if (parts.contains("eval") || parts.contains("backtest")) {
            for (SyntheticData.Scale s : List.of(SyntheticData.forces(1, MONTHS), SyntheticData.national(MONTHS)))
                b.evalAndBacktest(s, parts.contains("eval"), parts.contains("backtest"));
        }
        if (parts.contains("scale")) b.growth();
        if (parts.contains("heap")) new HeapCheck(report, rules).run();
        if (parts.contains("floor")) b.floor();
        wholeProcess(opt, parts, report, rules, work);
        report.line("\ndone %s; load average: %s", Instant.now(), Report.load());
    }

    /** The commands people run, in fresh JVMs (WholeProcess). */
    private static void wholeProcess(Map<String, String> opt, Set<String> parts, Report report, Path rules, Path work) throws Exception {
        if (Collections.disjoint(parts, List.of("start", "force", "policeuk", "national"))) return;
        int runs = Integer.parseInt(opt.getOrDefault("process-runs", "3"));
        String jar = opt.get("jar");
        boolean other = jar != null;
        if (jar == null && builtJar() != null) jar = builtJar().toString(); // as users run it: java -jar target/perfalert.jar
        String classpath = jar == null ? System.getProperty("java.class.path")
                : Path.of(jar).toAbsolutePath() + java.io.File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        BenchData data = new BenchData(Path.of(opt.getOrDefault("data", "target/bench/data")).toAbsolutePath());
        WholeProcess w = new WholeProcess(report, runs, rules, work, classpath, !other);
        report.line("\n# whole process: %d runs per command, each a fresh JVM running %s", runs,
                jar == null ? "the classes of target/classes (no up-to-date target/perfalert.jar: run `package` first to measure the jar)" : jar);
        if (parts.contains("start")) w.start(data.tiny());
        if (parts.contains("force")) w.forceScale(data.force());
        if (parts.contains("policeuk")) w.forceScale(BenchData.policeUk(Path.of("").toAbsolutePath()));
        if (parts.contains("national")) w.nationalScale(data.national());
    }

    /** target/perfalert.jar when it is newer than every compiled class, else null. */
    private static Path builtJar() throws java.io.IOException {
        Path jar = Path.of("target/perfalert.jar"), classes = Path.of("target/classes");
        if (!Files.exists(jar) || !Files.isDirectory(classes)) return null;
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (var all = Files.walk(classes)) {
            return all.anyMatch(f -> { try { return Files.getLastModifiedTime(f).toMillis() > built; } catch (java.io.IOException e) { return true; } })
                    ? null : jar.toAbsolutePath();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String name = args[i].substring(2);
            opt.put(name, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        return opt;
    }

    void compile() throws Exception {
        full = RuleCompiler.compile(rules);
        subset = RuleCompiler.compile(RulePack.subset(rules, BaselineEvaluator.RULES, work.resolve("subset-rules")));
        Path one = RulePack.subset(rules, BaselineEvaluator.RULES, work.resolve("subset-one-session"));
        Files.writeString(one.resolve("settings.properties"), "\n" + Evaluator.SESSION_MAX_SERIES + " = 0\n",
                java.nio.file.StandardOpenOption.APPEND); // the later line wins: one session, one core
        subsetOneSession = RuleCompiler.compile(one);
        report.line("rule packs: standard (%d rules), baseline subset (%d rules: %s)", full.ruleIds().size(),
                subset.ruleIds().size(), String.join(", ", new TreeSet<>(BaselineEvaluator.RULES)));
    }

    /** One scale's data, built once: the engine's history and the baseline's arrays. */
    private record Prepared(SyntheticData data, SeriesBuilder history, Evaluator fullEngine, Evaluator subsetEngine,
                            Evaluator oneSessionEngine, BaselineEvaluator baseline) { }

    private Prepared prepare(SyntheticData.Scale s) {
        SyntheticData data = new SyntheticData(s);
        Evaluator fullEngine = new Evaluator(full, data.catalogue(), data.areas(), p -> { });
        Evaluator subsetEngine = new Evaluator(subset, data.catalogue(), data.areas(), p -> { });
        Evaluator oneSessionEngine = new Evaluator(subsetOneSession, data.catalogue(), data.areas(), p -> { });
        long t = System.nanoTime();
        SeriesBuilder history = fullEngine.history(data.observations());
        double build = Timings.since(t);
        t = System.nanoTime();
        BaselineEvaluator baseline = new BaselineEvaluator(data);
        double baseBuild = Timings.since(t);
        report.line("\n## %s: %d areas, %d districts, %d metrics, %,d series × %d months (%,d figures)", s.name(),
                s.areas(), s.districts(), s.metrics(), s.series(), s.months(), s.series() * s.months());
        report.line("- history built once (generate + SeriesBuilder): %.2f s; baseline arrays: %.2f s; load average: %s", build, baseBuild, Report.load());
        return new Prepared(data, history, fullEngine, subsetEngine, oneSessionEngine, baseline);
    }

    /** Times the evaluators over the given month indexes, interleaved, runs + 1 times (the first is warm-up). */
    private Timings[] interleaved(Prepared p, int[] months) {
        // warm up on at least 100,000 series (the JIT compiles Drools' and the rules' code as it goes)
        long perRun = p.data.scale().series() * months.length;
        for (long done = 0; done < 100_000; done += perRun) {
            time(p.subsetEngine, p, months); time(p.oneSessionEngine, p, months); time(p.fullEngine, p, months);
            for (int m : months) p.baseline.evaluate(m); // the baseline warmed up as much, or small scales flatter the engine
        }
        Timings fullT = new Timings(), subT = new Timings(), oneT = new Timings(), baseT = new Timings(), ratio = new Timings(), ratioOne = new Timings();
        for (int run = 0; run <= runs; run++) {
            double sub = time(p.subsetEngine, p, months);
            long t = System.nanoTime();
            int expected = 0;
            for (int m : months) expected += p.baseline.evaluate(m).size();
            double base = Timings.since(t);
            double one = time(p.oneSessionEngine, p, months);
            double all = time(p.fullEngine, p, months);
            if (found != expected) throw new IllegalStateException("engine found " + found + ", baseline " + expected);
            if (run == 0) continue;
            subT.add(sub); oneT.add(one); baseT.add(base); fullT.add(all); ratio.add(sub / base); ratioOne.add(one / base);
        }
        return new Timings[] {fullT, subT, oneT, baseT, ratio, ratioOne};
    }

    private int found;

    private double time(Evaluator engine, Prepared p, int[] months) {
        System.gc();
        long t = System.nanoTime();
        int n = 0;
        for (int m : months) n += engine.evaluate(p.history, p.data.month(m)).size();
        double s = Timings.since(t);
        if (engine != p.fullEngine) found = n;
        return s;
    }

    void evalAndBacktest(SyntheticData.Scale s, boolean month, boolean backtest) {
        Prepared p = prepare(s);
        int last = s.months() - 1;
        if (month) {
            Timings[] t = interleaved(p, new int[] {last});
            int n = p.fullEngine.evaluate(p.history, p.data.month(last)).size();
            report.line("- one month (%s, %,d exceptions from the standard pack):", p.data.month(last), n);
            show(t, s.series());
        }
        if (backtest) backtest(p, last);
    }

    /** Twelve months one after another: the standard pack and the baseline, interleaved (warm after the month runs). */
    private void backtest(Prepared p, int last) {
        Timings engine = new Timings(), base = new Timings(), ratio = new Timings();
        for (int run = 0; run < runs; run++) {
            System.gc();
            long t = System.nanoTime();
            int found = 0;
            for (int m = last - 11; m <= last; m++) found += p.fullEngine.evaluate(p.history, p.data.month(m)).size();
            double e = Timings.since(t);
            t = System.nanoTime();
            for (int m = last - 11; m <= last; m++) p.baseline.evaluate(m);
            double b = Timings.since(t);
            engine.add(e); base.add(b); ratio.add(e / b);
            if (run == 0) report.line("- 12-month backtest (%s to %s, %,d exceptions):", p.data.month(last - 11), p.data.month(last), found);
        }
        report.line("  - engine, standard pack (22 rules): %s = %.1f µs per series-month", engine.show("s"),
                1e6 * engine.median() / (12 * p.data.scale().series()));
        report.line("  - baseline (its 12 rules): %s; standard pack ÷ baseline: %s", base.show("s"), ratio.show("×"));
    }

    private void show(Timings[] t, long seriesMonths) {
        report.line("  - engine, standard pack (22 rules): %s = %.1f µs per series-month", t[0].show("s"), 1e6 * t[0].median() / seriesMonths);
        report.line("  - engine, baseline's 12 rules, sessions side by side (as shipped): %s", t[1].show("s"));
        report.line("  - engine, baseline's 12 rules, one session (one core): %s", t[2].show("s"));
        report.line("  - baseline, same 12 rules (one core): %s", t[3].show("s"));
        report.line("  - **engine ÷ baseline, one core each: %s**", t[5].show("×"));
        report.line("  - **engine ÷ baseline, engine as shipped: %s**", t[4].show("×"));
    }

    /**
     * What the engine costs before any rule does any work: the month's Series made, inserted into one
     * session with a single rule that never fires, fired and disposed; next to the baseline's time.
     */
    void floor() throws Exception {
        Path dir = work.resolve("floor-rules");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("settings.properties"), Evaluator.SESSION_MAX_SERIES + " = 0\n");
        Files.writeString(dir.resolve("floor.drl"), "package floor\nimport org.perfalert.rules.Series\n"
                + "rule \"never\"\nwhen\n    Series( value < -1 )\nthen\nend\n");
        RuleBase never = RuleCompiler.compile(dir);
        SyntheticData data = new SyntheticData(SyntheticData.national(MONTHS));
        Evaluator engine = new Evaluator(never, data.catalogue(), data.areas(), p -> { });
        SeriesBuilder history = engine.history(data.observations());
        BaselineEvaluator baseline = new BaselineEvaluator(data);
        Timings facts = new Timings(), session = new Timings(), base = new Timings();
        for (int run = 0; run <= runs; run++) {
            System.gc();
            long t = System.nanoTime();
            int n = history.seriesAt(data.lastMonth()).size();
            double f = Timings.since(t);
            t = System.nanoTime();
            engine.evaluate(history, data.lastMonth());
            double e = Timings.since(t);
            t = System.nanoTime();
            baseline.evaluate(MONTHS - 1);
            double b = Timings.since(t);
            if (run > 0) { facts.add(1e6 * f / n); session.add(1e6 * e / n); base.add(1e6 * b / n); }
        }
        report.line("\n## the engine's floor at national scale (µs per series, one session, one rule that never fires)");
        report.line("- making the month's Series facts: %s", facts.show("µs"));
        report.line("- Series made + inserted + fired + session disposed: %s", session.show("µs"));
        report.line("- the baseline's whole work (12 rules): %s", base.show("µs"));
    }

    /** One month at 1x, 10x and 100x a force: is the time per series flat? */
    void growth() {
        report.line("\n## growth: one month of the standard pack at 1x, 10x, 100x a force");
        double perSeries1 = 0;
        for (int k : new int[] {1, 10, 100}) {
            SyntheticData.Scale s = SyntheticData.forces(k, MONTHS);
            Prepared p = prepare(s);
            YearMonth m = p.data.lastMonth();
            Timings t = new Timings(), base = new Timings();
            for (int run = 0; run <= runs; run++) {
                System.gc();
                long start = System.nanoTime();
                List<PerformanceException> found = p.fullEngine.evaluate(p.history, m);
                double e = Timings.since(start);
                start = System.nanoTime();
                p.baseline.evaluate(s.months() - 1);
                double b = Timings.since(start);
                if (run > 0) { t.add(e); base.add(b); }
                if (found.isEmpty()) throw new IllegalStateException("nothing found at " + s.name());
            }
            double perSeries = 1e6 * t.median() / s.series();
            if (k == 1) perSeries1 = perSeries;
            report.line("- %s (%,d series): engine %s = %.1f µs per series (%.2f× the 1x cost per series); baseline %s",
                    s.name(), s.series(), t.show("s"), perSeries, perSeries / perSeries1, base.show("s"));
        }
    }
}
