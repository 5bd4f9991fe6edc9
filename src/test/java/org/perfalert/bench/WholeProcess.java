package org.perfalert.bench;

import org.perfalert.cli.Main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The commands people run, each in a fresh JVM as from the command line: wall time, peak resident
 * memory (the largest the process was) and CPU seconds, as the operating system counts them. The
 * commands of one scale run in turn, run after run, so ratios are taken pair by pair in the same
 * run (12 months ÷ 1 month, perfalert ÷ the hand-written baseline) and stand up to a busy machine.
 */
final class WholeProcess {
    private static final String MAIN = Main.class.getName(), BASELINE = BaselineCommand.class.getName();
    private static final int TIMEOUT_MINUTES = 15;

    /** One command: its label in the report, JVM options, main class and arguments; load gets a fresh store each run. */
    record Command(String label, List<String> jvm, String main, List<String> args, boolean freshStore) {
        Command(String label, List<String> jvm, String main, List<String> args) { this(label, jvm, main, args, false); }
    }

    /** One run: seconds, MB, CPU seconds, exit code, seconds to the first byte of output (NaN when not watched). */
    record Result(double wall, double peakMb, double cpu, int exit, double firstOutput) { }

    private final Report report;
    private final int runs;
    private final Path rules, work;
    private final String classpath;
    private final boolean baseline;
    private int counter;

    /**
     * @param classpath the classpath of the commands (this JVM's, or another build's jar before the
     *                  benchmark's classes, to measure an earlier version)
     * @param baseline  whether to run the hand-written baseline too (it needs this build's classes)
     */
    WholeProcess(Report report, int runs, Path rules, Path work, String classpath, boolean baseline) {
        this.report = report;
        this.runs = runs;
        this.rules = rules;
        this.work = work;
        this.classpath = classpath;
        this.baseline = baseline;
    }

    /** The synthetic force of issue 16 and the police.uk samples: evaluate, backtests, load, and the baseline. */
    void forceScale(BenchData.Set set) throws Exception {
        YearMonth last = set.last(), first = last.minusMonths(11);
        List<Command> commands = new ArrayList<>(List.of(
                cli("evaluate one month, json", List.of(), set, "evaluate", "--month", last.toString(), "--format", "json"),
                cli("backtest 1 month, csv", List.of(), set, "backtest", "--from", last.toString(), "--to", last.toString(), "--format", "csv"),
                cli("backtest 12 months, json", List.of(), set, "backtest", "--from", first.toString(), "--to", last.toString(), "--format", "json"),
                cli("backtest 12 months, csv", List.of(), set, "backtest", "--from", first.toString(), "--to", last.toString(), "--format", "csv")));
        if (baseline) {
            commands.add(baselineCommand("baseline backtest 12 months, json (12 rules)", List.of(), set, first, last, "json"));
            commands.add(baselineCommand("baseline backtest 12 months, csv (12 rules)", List.of(), set, first, last, "csv"));
        }
        commands.add(load(set, List.of()));
        Map<String, List<Result>> r = measure(set.name(), commands);
        ratio("12-month ÷ 1-month backtest (csv), pair by pair", r, "backtest 12 months, csv", "backtest 1 month, csv");
        ratio("12-month backtest json ÷ 1-month backtest csv", r, "backtest 12 months, json", "backtest 1 month, csv");
        if (baseline) {
            ratio("perfalert ÷ baseline, backtest 12 months json", r, "backtest 12 months, json", "baseline backtest 12 months, json (12 rules)");
            ratio("perfalert ÷ baseline, backtest 12 months csv", r, "backtest 12 months, csv", "baseline backtest 12 months, csv (12 rules)");
        }
    }

    /** England and Wales, within the heaps the issue sets: evaluate in 256 MB, backtests in 512 MB. */
    void nationalScale(BenchData.Set set) throws Exception {
        YearMonth last = set.last(), first = last.minusMonths(11);
        List<String> small = List.of("-Xmx256m"), medium = List.of("-Xmx512m");
        List<Command> commands = new ArrayList<>(List.of(
                cli("evaluate one month, json, -Xmx256m", small, set, "evaluate", "--month", last.toString(), "--format", "json"),
                cli("backtest 12 months, json, -Xmx512m", medium, set, "backtest", "--from", first.toString(), "--to", last.toString(), "--format", "json"),
                cli("backtest 12 months, csv, -Xmx512m", medium, set, "backtest", "--from", first.toString(), "--to", last.toString(), "--format", "csv")));
        if (baseline) commands.add(baselineCommand("baseline backtest 12 months, csv (12 rules), -Xmx512m", medium, set, first, last, "csv"));
        commands.add(load(set, List.of()));
        Map<String, List<Result>> r = measure(set.name(), commands);
        if (baseline) ratio("perfalert ÷ baseline, backtest 12 months csv", r, "backtest 12 months, csv, -Xmx512m",
                "baseline backtest 12 months, csv (12 rules), -Xmx512m");
    }

    /** Start to first output: evaluate of a tiny file, the time until its first line appears and until it exits. */
    void start(BenchData.Set set) throws Exception {
        Command c = cli("evaluate a tiny file, text", List.of(), set, "evaluate", "--format", "text");
        report.line("\n## start to first output: `evaluate` of a tiny file (%s), fresh JVM", set.data().get(0).getFileName());
        Timings first = new Timings(), exit = new Timings(), rss = new Timings();
        run(c, true);
        for (int i = 0; i < runs; i++) {
            Result r = run(c, true);
            first.add(r.firstOutput());
            exit.add(r.wall());
            rss.add(r.peakMb());
        }
        report.line("- first output after %s; exit after %s; peak RSS %s", first.show("s"), exit.show("s"), rss.show("MB"));
    }

    private Command cli(String label, List<String> jvm, BenchData.Set set, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--config", set.config().toString(), "--rules", rules.toString(), "--data"));
        set.data().forEach(p -> args.add(p.toString()));
        args.addAll(List.of(more));
        return new Command(label, jvm, MAIN, args);
    }

    private Command baselineCommand(String label, List<String> jvm, BenchData.Set set, YearMonth from, YearMonth to, String format) {
        List<String> args = new ArrayList<>(List.of("--config", set.config().toString(), "--rules", rules.toString(),
                "--from", from.toString(), "--to", to.toString(), "--format", format, "--data"));
        set.data().forEach(p -> args.add(p.toString()));
        return new Command(label, jvm, BASELINE, args);
    }

    private Command load(BenchData.Set set, List<String> jvm) {
        return new Command("load one month's file into a fresh store (" + set.monthFile().getFileName() + ")", jvm, MAIN,
                List.of("load", "--config", set.config().toString(), "--rules", rules.toString(), "--data", set.monthFile().toString()), true);
    }

    /** Runs every command once (not counted), then `runs` rounds of all commands in turn; reports a row each. */
    private Map<String, List<Result>> measure(String scale, List<Command> commands) throws Exception {
        report.line("\n## whole process, %s (load average %s)", scale, Report.load());
        report.line("| command | wall | peak RSS | CPU | exit |");
        report.line("|---|---|---|---|---|");
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (Command c : commands) run(c, false); // the files in the page cache, as for a user's second run
        for (int i = 0; i < runs; i++)
            for (Command c : commands) results.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(run(c, false));
        for (Command c : commands) {
            List<Result> rs = results.get(c.label());
            Timings wall = new Timings(), rss = new Timings(), cpu = new Timings();
            rs.forEach(r -> { wall.add(r.wall()); rss.add(r.peakMb()); cpu.add(r.cpu()); });
            String exits = rs.stream().map(r -> String.valueOf(r.exit())).distinct().reduce((a, b) -> a + "," + b).orElse("?");
            report.line("| %s | %s | %s | %s | %s |", c.label(), wall.show("s"), rss.show("MB"), cpu.show("s"), exits);
        }
        report.line("(load average after: %s)", Report.load());
        return results;
    }

    /** A ratio of two commands, run by run: of wall time, and of CPU time (which a busy machine moves less). */
    private void ratio(String what, Map<String, List<Result>> results, String a, String b) {
        Timings wall = new Timings(), cpu = new Timings();
        List<Result> as = results.get(a), bs = results.get(b);
        for (int i = 0; i < as.size(); i++) {
            wall.add(as.get(i).wall() / bs.get(i).wall());
            cpu.add(as.get(i).cpu() / bs.get(i).cpu());
        }
        report.line("- **%s: %s** wall time; %s CPU time", what, wall.show("×"), cpu.show("×"));
    }

    private Result run(Command c, boolean watchOutput) throws Exception {
        int n = ++counter;
        Path measured = work.resolve("measured-" + n + ".txt"), err = work.resolve("stderr-" + n + ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(c.jvm());
        if (c.freshStore()) {
            Path store = work.resolve("store-" + n);
            cmd.add("-Dstore.url=jdbc:h2:file:" + store.resolve("perfalert").toAbsolutePath());
            cmd.add("-Dmail.file.dir=" + store.resolve("mail").toAbsolutePath());
        }
        cmd.addAll(List.of("-cp", classpath, Measured.class.getName(), measured.toString(), c.main()));
        cmd.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        if (!watchOutput) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        double first = Double.NaN;
        if (watchOutput) first = firstByte(p.getInputStream(), start);
        if (!p.waitFor(TIMEOUT_MINUTES, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            report.line("(%s did not finish in %d minutes: stopped)", c.label(), TIMEOUT_MINUTES);
        }
        int exit = p.exitValue();
        double wall = Timings.since(start);
        Properties m = new Properties();
        if (Files.exists(measured)) try (var in = Files.newInputStream(measured)) { m.load(in); }
        if (exit != 0) report.line("(%s exited %d: %s)", c.label(), exit, tail(err));
        else Files.deleteIfExists(err);
        Files.deleteIfExists(measured);
        return new Result(wall, Long.parseLong(m.getProperty("peak_rss_kb", "0")) / 1024.0,
                Double.parseDouble(m.getProperty("cpu_seconds", "NaN")), exit, first);
    }

    /** Reads a process's output to the end; the seconds from start to its first byte. */
    private static double firstByte(InputStream in, long start) throws IOException {
        double first = Double.NaN;
        byte[] buf = new byte[8192];
        for (int k; (k = in.read(buf)) >= 0; ) if (k > 0 && Double.isNaN(first)) first = Timings.since(start);
        return first;
    }

    /** What a failed command said: its first lines that are not a stack trace's. */
    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        return String.join(" / ", Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("\t") && !l.startsWith(" "))
                .limit(3).toList());
    }
}
