package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.StageFixtures.*;

/** Stage 2: a raised exception that a silence in force matches is stored with it; other decisions keep theirs. */
class SilenceStageTest {
    static final LocalDate TODAY = LocalDate.of(2025, 4, 10);

    @ParameterizedTest(name = "{0} {1}, stored with {2}, silence on {3} until {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            // action, status, silence stored before, silence's metric, ends on -> silenced by
            "RAISE,   new,        -, burglary, 2025-04-30, 9",
            "RAISE,   new,        -, robbery,  2025-04-30, -",    // another metric
            "RAISE,   new,        -, burglary, 2025-04-09, -",    // ended yesterday
            "RAISE,   withdrawn,  -, burglary, 2025-04-30, 9",
            "KEEP,    new,        5, burglary, 2025-04-30, 5",    // nothing changes: the row keeps its silence
            "REFRESH, new,        -, burglary, 2025-04-30, -",
    })
    void marks(Decision.Action action, String status, Long before, String metric, LocalDate endsOn, Long expected) {
        Decision d = new Decision(action, high(MAR, 41), AlertStatus.parse(status), null, before);
        Silence s = new Silence(9, metric, "*", "*", endsOn, "data fault", "ana", Instant.parse("2025-04-01T08:00:00Z"));

        assertThat(SilenceStage.apply(List.of(d), List.of(s), TODAY)).singleElement()
                .satisfies(out -> assertThat(out.silencedBy()).isEqualTo(expected));
    }
}
