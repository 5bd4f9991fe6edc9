package org.perfalert.bench.quality;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.rules.calibration.CalibrationSettings;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small, fast run of the alert-quality benchmark (docs/alert-quality.md): a few simulated forces
 * through the calibration only, with generous bounds around what 200 replicates measure, so that a
 * change that floods leads with signals — or stops catching a plain ×1.3 step — fails the build.
 */
class AlertQualityTest {
    private static final int REPLICATES = 5;
    private static ForceModel model;
    private static SimulatedForce force;

    @BeforeAll
    static void simulatedForce() throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Configuration config = ConfigLoader.load(repo.resolve("config"));
        model = ForceModel.estimate(repo, config.areas().districts());
        force = new SimulatedForce(model, config.areas(), AlertQuality.FIRST, AlertQuality.HISTORY + AlertQuality.EVALUATED);
    }

    @Test
    void theSameSeedDrawsTheSameForce() {
        assertThat(force.series(force.draw(5)).get(0).values()).isEqualTo(force.series(force.draw(5)).get(0).values());
        assertThat(force.series(force.draw(5)).get(0).values()).isNotEqualTo(force.series(force.draw(6)).get(0).values());
    }

    @Test
    void aForceWithNoChangeRarelySignalsAndAPlantedStepIsCaught() {
        NoChange none = new NoChange(AlertQuality.HISTORY, AlertQuality.HISTORY + AlertQuality.EVALUATED - 1);
        Detection detection = new Detection();
        for (int r = 0; r < REPLICATES; r++) {
            SimulatedForce.Replicate replicate = force.draw(Draws.mix(1_000_003L + r));
            int[][] bits = none.add(force.series(replicate), CalibrationSettings.DEFAULTS, null);
            detection.add(force, replicate, bits, AlertQuality.HISTORY + r % 12, CalibrationSettings.DEFAULTS, model);
        }
        assertThat(none.seriesMonths).isEqualTo(REPLICATES * 24 * 135L);
        // 200 replicates: 0.31 new signals per 100 series-months, 26 % of months with one (targets 0.5 and 30 %)
        assertThat(none.per100(none.total(none.newSignals))).isLessThan(1.0);
        assertThat((double) none.monthsWithNewSignal / none.forceMonths).isLessThan(0.5);
        // 200 replicates: 87 % of ×1.3 steps in district series of 200 or more a month caught within 3 months
        assertThat(detection.stepLarge.planted).isEqualTo(REPLICATES * 14L);
        assertThat(detection.stepLarge.rate()).isGreaterThan(0.6);
        assertThat(detection.ramp.rate()).isGreaterThan(0.7);
    }
}
