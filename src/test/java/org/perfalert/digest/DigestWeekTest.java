package org.perfalert.digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestWeekTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} runs from {1} to {2}")
    @CsvSource({
            "2025-W48, 2025-11-24, 2025-11-30",
            "2025-W01, 2024-12-30, 2025-01-05",   // ISO week 1 starts in the previous calendar year
            "2020-W53, 2020-12-28, 2021-01-03",   // a 53-week year
            "2026-W13, 2026-03-23, 2026-03-29"})
    void weeksRunMondayToSunday(String text, LocalDate monday, LocalDate sunday) {
        DigestWeek w = DigestWeek.parse(text, LONDON);
        assertThat(w.monday()).isEqualTo(monday);
        assertThat(w.sunday()).isEqualTo(sunday);
        assertThat(w.toString()).isEqualTo(text);
    }

    @Test
    void boundsAreLondonMidnightsAcrossTheClockChange() {
        DigestWeek w = DigestWeek.parse("2025-W13", LONDON);   // 24–30 March 2025; BST from Sunday 30 March
        assertThat(w.start()).isEqualTo(Instant.parse("2025-03-24T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2025-03-30T23:00:00Z"));
    }

    @ParameterizedTest(name = "at {0} the last complete week is {1}")
    @CsvSource({
            "2025-12-01T07:00:00Z, 2025-W48",     // Monday 07:00, the scheduled time
            "2025-11-30T23:59:00Z, 2025-W47",     // still Sunday of W48
            "2025-06-02T06:30:00Z, 2025-W22",     // Monday 07:30 BST
            "2025-06-01T23:30:00Z, 2025-W22"})    // Monday 00:30 BST, but Sunday in UTC
    void lastCompleteWeek(Instant now, String expected) {
        assertThat(DigestWeek.lastComplete(Clock.fixed(now, ZoneOffset.UTC), LONDON).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2025-48", "W48", "2025-W54", "2025-W00", "2021-W53", "''"})
    void badWeeksAreRefusedWithTheFormat(String text) {
        assertThatThrownBy(() -> DigestWeek.parse(text, LONDON)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("week");
    }
}
