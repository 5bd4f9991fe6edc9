package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SilencesTest {
    static final PerformanceException E = new PerformanceException("twelve-month-high", "policeuk.burglary", AreaType.DISTRICT,
            "Fenland", YearMonth.of(2025, 3), Severity.HIGH, Direction.CONCERN, "h", Map.of("value", 1.0));

    @ParameterizedTest(name = "{0} / {1} / {2} until {3} on {4} -> silenced {5}")
    @CsvSource({
            "policeuk.burglary, Fenland,   twelve-month-high, 2025-04-30, 2025-04-10, true",
            "policeuk.*,        *,         *,                 2025-04-30, 2025-04-10, true",
            "*,                 fenland,   *,                 2025-04-30, 2025-04-10, true",   // case-insensitive
            "*,                 *,         twelve-month-*,    2025-04-30, 2025-04-30, true",   // end date inclusive
            "*,                 *,         *,                 2025-04-30, 2025-05-01, false",  // expired
            "policeuk.robbery,  *,         *,                 2025-04-30, 2025-04-10, false",  // other metric
            "*,                 Peterborough, *,              2025-04-30, 2025-04-10, false",  // other area
            "*,                 *,         same-month-*,      2025-04-30, 2025-04-10, false",  // other rule
            "policeuk.burglar,  *,         *,                 2025-04-30, 2025-04-10, false",  // no partial match without *
            "policeuk.burglary.*, *,       *,                 2025-04-30, 2025-04-10, false",
            "policeuk?burglary, *,         *,                 2025-04-30, 2025-04-10, false",  // only * is special
    })
    void matches(String metric, String area, String rule, LocalDate ends, LocalDate today, boolean silenced) {
        Silence s = new Silence(7, metric, area, rule, ends, "known data issue", "ana", Instant.EPOCH);
        assertThat(Silences.matching(E, List.of(s), today).isPresent()).isEqualTo(silenced);
    }
}
