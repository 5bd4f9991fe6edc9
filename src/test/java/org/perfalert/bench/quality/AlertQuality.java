package org.perfalert.bench.quality;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.calibration.CalibrationSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * The alert-quality benchmark (SIGNALS.md 5): simulated forces with no change and with changes planted
 * one at a time, the calibration's signals, today's rule pack judged by `notable`, and the police.uk
 * sample month by month. Not a test: run it with
 * <pre>  mvn -B -o -Pbench test-compile exec:exec -Dbench.main=org.perfalert.bench.quality.AlertQuality -Dbench.args="…"</pre>
 * Arguments: --replicates N (default 200), --engine-replicates N (replicates also run through the rule
 * engine; default all), --seed S (default 1), --out FILE (default target/alert-quality.md), --no-real,
 * --set NAME=VALUE[,NAME=VALUE…] (calibration settings other than SIGNALS.md's defaults, e.g. signals.cusum-h=4).
 */
public final class AlertQuality {
    static final int HISTORY = 36, EVALUATED = 24;
    static final YearMonth FIRST = YearMonth.of(2020, 1);

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            opt.put(args[i].substring(2), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        int replicates = Integer.parseInt(opt.getOrDefault("replicates", "200"));
        int engineReplicates = Integer.parseInt(opt.getOrDefault("engine-replicates", String.valueOf(replicates)));
        long seed = Long.parseLong(opt.getOrDefault("seed", "1"));
        Path repo = Path.of(System.getProperty("perfalert.repo", ".")).toAbsolutePath();
        Path out = Path.of(opt.getOrDefault("out", "target/alert-quality.md"));

        Configuration config = ConfigLoader.load(repo.resolve("config"));
        Evaluator engine = new Evaluator(RuleCompiler.compile(repo.resolve("rules")), config.catalogue(), config.areas(), p -> { });
        Map<String, String> changed = new TreeMap<>();
        if (opt.containsKey("set"))
            for (String pair : opt.get("set").split(",")) changed.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
        CalibrationSettings settings = CalibrationSettings.from(changed);
        ForceModel model = ForceModel.estimate(repo, config.areas().districts());
        SimulatedForce force = new SimulatedForce(model, config.areas(), FIRST, HISTORY + EVALUATED);
        long started = System.nanoTime();
        String loadBefore = CalibrationSpeed.load();

        NoChange none = new NoChange(HISTORY, HISTORY + EVALUATED - 1);
        Detection detection = new Detection();
        for (int r = 0; r < replicates; r++) {
            SimulatedForce.Replicate replicate = force.draw(Draws.mix(seed * 1_000_003L + r));
            int[][] bits = none.add(force.series(replicate), settings, r < engineReplicates ? engine : null);
            detection.add(force, replicate, bits, HISTORY + r % 12, settings, model);
            if ((r + 1) % 20 == 0) System.out.printf(Locale.ROOT, "%d replicates, %.0f s%n", r + 1, (System.nanoTime() - started) / 1e9);
        }
        RealData real = opt.containsKey("no-real") ? null : new RealData(repo, config, engine, settings);
        String report = new QualityReport(model, force, none, detection, real, replicates, engineReplicates, seed).text(
                String.format(Locale.ROOT, "Settings: %s. %s; %.0f s; load average before %s, after %s",
                        changed.isEmpty() ? "SIGNALS.md's defaults" : changed, Instant.now(),
                        (System.nanoTime() - started) / 1e9, loadBefore, CalibrationSpeed.load()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private AlertQuality() { }
}
