package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationSettingsTest {
    @Test
    void absentSettingsTakeTheirSignalsMdDefaults() {
        CalibrationSettings s = CalibrationSettings.from(Map.of());
        assertThat(s).isEqualTo(CalibrationSettings.DEFAULTS);
        assertThat(s.tau0()).isEqualTo(0.10);
        assertThat(s.priorMonths()).isEqualTo(6);
        assertThat(s.fdrQ()).isEqualTo(0.05);
        assertThat(s.cusumK()).isEqualTo(0.5);
        assertThat(s.cusumH()).isEqualTo(5);
        assertThat(s.minExpected()).isEqualTo(5);
        assertThat(s.yearMinChangePct()).isEqualTo(10);
        assertThat(s.notableMinZ()).isEqualTo(1.96);
        assertThat(CalibrationSettings.NAMES).hasSize(CalibrationSettings.class.getRecordComponents().length);
    }

    @Test
    void namedSettingsOverrideTheDefaults() {
        CalibrationSettings s = CalibrationSettings.from(Map.of("signals.fdr-q", "0.01", "signals.cusum-h", " 4 ",
                "notable.min-z", "2.5", "signals.dispersion-months", "36", "severity.x", "high"));
        assertThat(s.fdrQ()).isEqualTo(0.01);
        assertThat(s.cusumH()).isEqualTo(4);
        assertThat(s.notableMinZ()).isEqualTo(2.5);
        assertThat(s.dispersionMonths()).isEqualTo(36);
        assertThat(s.tau0()).isEqualTo(0.10);
    }

    @Test
    void aBadValueNamesTheSettingAndTheFix() {
        assertThatThrownBy(() -> CalibrationSettings.from(Map.of("signals.tau0", "0,1")))
                .hasMessage("setting signals.tau0: \"0,1\" is not a number (use a dot for decimals)");
        assertThatThrownBy(() -> CalibrationSettings.from(Map.of("signals.baseline-months", "12.5")))
                .hasMessageContaining("signals.baseline-months").hasMessageContaining("whole number");
        assertThatThrownBy(() -> CalibrationSettings.from(Map.of("signals.fdr-q", "5")))
                .hasMessageContaining("signals.fdr-q must lie between 0 and 1");
    }
}
