package org.perfalert.bench.quality;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.alerts.EmailPlanner;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.calibration.CalibrationSettings;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small, fast run of the alert-quality benchmark (docs/alert-quality.md): a few simulated forces through the
 * real rule pack (rules/signals.drl deciding on the calibration on the fact) and the alert stages' email plan, with
 * generous bounds around what 200 replicates measure, so that a change that floods leads with signals or emails —
 * or stops catching a plain ×1.3 step — fails the build.
 */
class AlertQualityTest {
    private static final int REPLICATES = 3;
    private static ForceModel model;
    private static SimulatedForce force;
    private static Evaluator engine;
    private static EmailPlanner planner;
    private static CalibrationSettings settings;

    @BeforeAll
    static void simulatedForce() throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Configuration config = ConfigLoader.load(repo.resolve("config"));
        model = ForceModel.estimate(repo, config.areas().districts());
        force = new SimulatedForce(model, config.areas(), AlertQuality.FIRST, AlertQuality.HISTORY + AlertQuality.EVALUATED);
        RuleBase pack = StandardRules.pack();
        engine = new Evaluator(pack, config.catalogue(), config.areas(), p -> { });
        planner = EmailPlanner.of(config);
        settings = CalibrationSettings.from(pack.settings().values());
    }

    @Test
    void theSameSeedDrawsTheSameForce() {
        assertThat(force.series(force.draw(5)).get(0).values()).isEqualTo(force.series(force.draw(5)).get(0).values());
        assertThat(force.series(force.draw(5)).get(0).values()).isNotEqualTo(force.series(force.draw(6)).get(0).values());
    }

    @Test
    void aForceWithNoChangeRarelyReachesLeadsAndAPlantedStepIsCaught() {
        NoChange none = new NoChange(AlertQuality.HISTORY, AlertQuality.HISTORY + AlertQuality.EVALUATED - 1);
        Detection detection = new Detection(engine);
        for (int r = 0; r < REPLICATES; r++) {
            SimulatedForce.Replicate replicate = force.draw(Draws.mix(1_000_003L + r));
            int[][] bits = none.add(force.series(replicate), settings, engine, planner);
            detection.add(force, replicate, bits, AlertQuality.HISTORY + r % 12, settings, model);
        }
        assertThat(none.seriesMonths).isEqualTo(REPLICATES * 24 * 135L);
        // 200 replicates: about 0.3-0.45 new signals per 100 series-months, a quarter of months with one (targets 0.5, 30 %)
        assertThat(none.per100(none.total(none.newSignals))).isLessThan(1.0);
        assertThat((double) none.monthsWithNewSignal / none.forceMonths).isLessThan(0.5);
        // what reaches leads: well under one email a month with nothing going on, never near the 10-item limit
        assertThat((double) none.itemsEmailed / none.forceMonths).isLessThan(1.5);
        assertThat(none.mostItemsInAnEmail).isLessThanOrEqualTo(5);
        // notable: about 30 per 100 series-months at min-z 1.96 (see docs/alert-quality.md), far under section 5's 215
        long exceptions = none.rules.values().stream().mapToLong(t -> t[0]).sum(), notable = none.rules.values().stream().mapToLong(t -> t[1]).sum();
        assertThat(100.0 * notable / none.seriesMonths).isLessThan(45);
        assertThat(notable).isLessThan(exceptions / 4);
        // 200 replicates: 85-87 % of ×1.3 steps in district series of 200 or more a month caught within 3 months
        assertThat(detection.stepLarge.planted).isEqualTo(REPLICATES * 14L);
        assertThat(detection.stepLarge.rate()).isGreaterThan(0.6);
        assertThat(detection.typeWide6.rate()).isGreaterThan(0.6);
    }
}
