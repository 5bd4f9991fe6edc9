package org.perfalert.bench;

import org.perfalert.config.Configuration;
import org.perfalert.config.People;
import org.perfalert.config.Settings;
import org.perfalert.ingest.FileLoader;
import org.perfalert.ingest.FileParser;
import org.perfalert.ingest.FileResult;
import org.perfalert.ingest.ParsedFile;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The fixed costs in a warm JVM: rule reload, loading a force's month against parsing it. */
final class StartupAndReload {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T00:00:00Z"), ZoneOffset.UTC);

    private final Report report;
    private final int runs;
    private final Path rules, work;

    StartupAndReload(Report report, int runs, Path rules, Path work) {
        this.report = report;
        this.runs = runs;
        this.rules = rules;
        this.work = work;
    }

    /** Compile the standard pack and swap it in for the one in use (what a reload does). */
    void reload() throws Exception {
        AtomicReference<RuleBase> inUse = new AtomicReference<>(RuleCompiler.compile(rules));
        Timings t = new Timings(), cpu = new Timings();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime(), startCpu = threads.getCurrentThreadCpuTime();
            RuleBase fresh = RuleCompiler.compile(rules);
            inUse.set(fresh);
            if (run > 0) { t.add(Timings.since(start)); cpu.add((threads.getCurrentThreadCpuTime() - startCpu) / 1e9); }
        }
        report.line("\n## rule reload (compile the %d rules of %s + swap, warm JVM): %s wall; CPU time of the compiling thread %s (less sensitive to a busy machine)",
                inUse.get().ruleIds().size(), rules.getFileName(), t.show("s"), cpu.show("s"));
    }

    /** A force's month as a tidy CSV: parse only, then parse + store in a fresh H2 file store. */
    void load() throws Exception {
        SyntheticData data = new SyntheticData(SyntheticData.forces(1, NationalBenchmark.MONTHS));
        Path cfgDir = work.resolve("force-config");
        data.writeConfig(cfgDir);
        Configuration cfg = new Configuration(cfgDir, data.catalogue(), data.areas(), People.none(), Settings.defaultsOnly());
        Path file = work.resolve("force-month.csv");
        data.writeMonthCsv(file, NationalBenchmark.MONTHS - 1);
        Timings parse = new Timings(), load = new Timings(), ratio = new Timings();
        int rows = 0;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            ParsedFile parsed = FileParser.parse(file, cfg, CLOCK);
            double p = Timings.since(start);
            if (!parsed.ok()) throw new IllegalStateException("generated file refused: " + parsed);
            rows = parsed.observations().size();
            try (Store store = Store.open("jdbc:h2:file:" + work.resolve("store-" + run).toAbsolutePath(), "", "", CLOCK)) {
                start = System.nanoTime();
                FileResult r = new FileLoader(cfg, store.observations(), CLOCK).load(file);
                double l = Timings.since(start);
                if (r.outcome() == null) throw new IllegalStateException("generated file not stored: " + r);
                if (run > 0) { parse.add(p); load.add(l); ratio.add(l / p); }
            }
        }
        report.line("\n## load vs parse: one force-month tidy CSV (%,d rows, %,d bytes)", rows, Files.size(file));
        report.line("- parse only (FileParser.parse): %s", parse.show("s"));
        report.line("- load (FileLoader.load: parse + store in a fresh H2 file store): %s", load.show("s"));
        report.line("- **load ÷ parse: %s**", ratio.show("×"));
    }
}
