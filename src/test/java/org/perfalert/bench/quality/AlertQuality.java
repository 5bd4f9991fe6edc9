package org.perfalert.bench.quality;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.alerts.EmailPlanner;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
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
 * Arguments: --replicates N (default 200), --engine-replicates N (replicates run through the rule pack and the
 * email plan; default all; the others count the calibration's own signals), --seed S (default 1), --out FILE
 * (default target/alert-quality.md), --no-real, --rules DIR (a rule folder to measure instead of rules/, e.g. a
 * copy with other signals.* settings).
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
        Path rulesDir = opt.containsKey("rules") ? Path.of(opt.get("rules")) : repo.resolve("rules");
        RuleBase pack = RuleCompiler.compile(rulesDir);
        Evaluator engine = new Evaluator(pack, config.catalogue(), config.areas(), p -> { });
        EmailPlanner planner = EmailPlanner.of(config);
        CalibrationSettings settings = CalibrationSettings.from(pack.settings().values());
        ForceModel model = ForceModel.estimate(repo, config.areas().districts());
        SimulatedForce force = new SimulatedForce(model, config.areas(), FIRST, HISTORY + EVALUATED);
        long started = System.nanoTime();
        String loadBefore = CalibrationSpeed.load();

        NoChange none = new NoChange(HISTORY, HISTORY + EVALUATED - 1);
        Detection detection = new Detection(engine), coreDetection = new Detection();
        for (int r = 0; r < replicates; r++) {
            SimulatedForce.Replicate replicate = force.draw(Draws.mix(seed * 1_000_003L + r));
            boolean throughPack = r < engineReplicates;
            int[][] bits = none.add(force.series(replicate), settings, throughPack ? engine : null, planner);
            (throughPack ? detection : coreDetection).add(force, replicate, bits, HISTORY + r % 12, settings, model);
            if ((r + 1) % 20 == 0) System.out.printf(Locale.ROOT, "%d replicates, %.0f s%n", r + 1, (System.nanoTime() - started) / 1e9);
        }
        if (coreDetection.rows.get(0).planted > 0) System.out.println("replicates not through the pack: detection by the calibration alone "
                + coreDetection.rows.stream().map(d -> d.name + " " + d.caught + "/" + d.planted).toList());
        RealData real = opt.containsKey("no-real") ? null : new RealData(repo, config, engine, planner);
        String report = new QualityReport(model, force, none, detection, real, replicates, engineReplicates, seed).text(
                String.format(Locale.ROOT, "Rule pack: %s. %s; %.0f s; load average before %s, after %s",
                        rulesDir, Instant.now(),
                        (System.nanoTime() - started) / 1e9, loadBefore, CalibrationSpeed.load()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private AlertQuality() { }
}
