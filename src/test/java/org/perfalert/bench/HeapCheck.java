package org.perfalert.bench;

import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.SeriesBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;

/**
 * The national month in a child JVM: within -Xmx512m (does it finish, and what is the peak heap),
 * and once more with the flight recorder on, to say what dominates the time.
 */
final class HeapCheck {
    private final Report report;
    private final Path rules;

    HeapCheck(Report report, Path rules) {
        this.report = report;
        this.rules = rules;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("perfalert-heap");
        report.line("\n## national month in a child JVM");
        List<String> out = child(work, List.of("-Xmx512m"), 1);
        report.line("- with -Xmx512m: %s", String.join("; ", out));
        Path jfr = work.resolve("national.jfr");
        out = child(work, List.of("-Xmx2g", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile"), 3);
        report.line("- profiled run (-Xmx2g, JFR, 3 months): %s", String.join("; ", out));
        if (Files.exists(jfr)) JfrSummary.summarize(jfr, report);
    }

    private List<String> child(Path work, List<String> jvm, int months) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NationalBenchmark.class.getName(),
                "--child-national-month", "--rules", rules.toString(), "--months", String.valueOf(months)));
        Path log = work.resolve("child.txt");
        int exit = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("* ") || l.contains("Error")).map(l -> l.replace("* ", "")).collect(Collectors.toList());
        lines.add(0, exit == 0 ? "finished (exit 0)" : "FAILED (exit " + exit + ")");
        return lines;
    }

    /** In the child: generate, build the history, compile, evaluate the last month(s); print "* " lines. */
    static void child(Path rules, int months) throws Exception {
        long[] peak = {0};
        Thread sampler = new Thread(() -> { // the heap in use, garbage included, every 5 ms
            while (true) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try { Thread.sleep(5); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        SyntheticData data = new SyntheticData(SyntheticData.national(NationalBenchmark.MONTHS));
        RuleBase pack = RuleCompiler.compile(rules);
        Evaluator engine = new Evaluator(pack, data.catalogue(), data.areas(), p -> { });
        long t = System.nanoTime();
        SeriesBuilder history = engine.history(data.observations());
        System.out.printf(Locale.ROOT, "* history of %,d series built in %.1f s%n", data.scale().series(), Timings.since(t));
        System.gc();
        System.out.printf(Locale.ROOT, "* heap in use after building the history (after GC): %d MB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        for (int i = months - 1; i >= 0; i--) {
            t = System.nanoTime();
            int found = engine.evaluate(history, data.lastMonth().minusMonths(i)).size();
            System.out.printf(Locale.ROOT, "* %s evaluated: %,d exceptions in %.1f s%n", data.lastMonth().minusMonths(i), found, Timings.since(t));
        }
        System.out.printf(Locale.ROOT, "* peak heap in use (sampled every 5 ms, garbage included): %d MB of max %d MB%n",
                peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
