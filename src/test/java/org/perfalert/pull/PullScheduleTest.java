package org.perfalert.pull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a source is due: its cron, read in London time, fired since the last look. */
class PullScheduleTest {

    @ParameterizedTest(name = "{0}: looked {1}, now {2} -> due {3}")
    @CsvSource({
            // 06:00 London is 05:00 UTC in summer (BST) and 06:00 UTC in winter (GMT)
            "0 0 6 * * ?, 2026-06-15T04:59:00Z, 2026-06-15T05:00:00Z, true",
            "0 0 6 * * ?, 2026-06-15T05:00:00Z, 2026-06-15T05:59:00Z, false",  // already pulled at that firing
            "0 0 6 * * ?, 2026-06-15T05:01:00Z, 2026-06-15T06:00:00Z, false",  // 06:00 UTC is 07:00 in summer
            "0 0 6 * * ?, 2026-12-15T05:59:00Z, 2026-12-15T06:00:00Z, true",
            "0 0 6 * * ?, 2026-12-15T04:59:00Z, 2026-12-15T05:30:00Z, false",
            "0 0 6 * * ?, 2026-06-10T00:00:00Z, 2026-06-15T05:00:00Z, true",   // several firings missed: due (once)
            "0 * * * * ?, 2026-06-15T10:00:00Z, 2026-06-15T10:00:59Z, false",
            "0 * * * * ?, 2026-06-15T10:00:00Z, 2026-06-15T10:01:00Z, true",
    })
    void isDue(String cron, Instant lastLook, Instant now, boolean due) {
        assertThat(PullSchedule.isDue(PullSchedule.cron(cron), lastLook, now)).isEqualTo(due);
    }

    @Test
    void onlyEnabledSourcesOfTheKindAskedForAndEachFiringOnce() {
        Source http = new Source("open-data", Source.Kind.HTTP, "0 0 6 * * ?", true, 3, null, null, null);
        Source off = new Source("off", Source.Kind.HTTP, "0 0 6 * * ?", false, 3, null, null, null);
        Source folder = new Source("exports", Source.Kind.FOLDER, "0 0 6 * * ?", true, 3, null, null, null);
        Clock at0501 = Clock.fixed(Instant.parse("2026-06-15T05:01:00Z"), ZoneOffset.UTC);
        PullSchedule s = new PullSchedule(List.of(http, off, folder), at0501, Instant.parse("2026-06-15T04:00:00Z"));

        assertThat(s.due("http")).containsExactly(http);
        assertThat(s.due("http")).as("the same firing is not due twice").isEmpty();
        assertThat(s.due("folder")).as("each kind looks on its own").containsExactly(folder);
        assertThat(s.due("sql")).isEmpty();
    }

    @Test
    void onAClusterTheTicksPreviousFiringIsTheLastLookWhateverInstanceFiredIt() {
        Source http = new Source("open-data", Source.Kind.HTTP, "0 0 6 * * ?", true, 3, null, null, null);
        Clock at0501 = Clock.fixed(Instant.parse("2026-06-15T05:01:00Z"), ZoneOffset.UTC);
        // this instance started long ago and never looked; the cluster's tick fired last at 05:00 on another instance
        PullSchedule s = new PullSchedule(List.of(http), at0501, Instant.parse("2026-06-14T00:00:00Z"));
        assertThat(s.due("http", Instant.parse("2026-06-15T05:00:00Z"), null)).as("pulled by the other instance").isEmpty();
        assertThat(s.due("http", Instant.parse("2026-06-15T04:59:00Z"), null)).containsExactly(http);
        // ticks late in a row (the job was busy): each window ends at its own scheduled firing, so one pull per firing
        assertThat(s.due("http", Instant.parse("2026-06-15T04:59:58Z"), Instant.parse("2026-06-15T04:59:59Z"))).isEmpty();
        assertThat(s.due("http", Instant.parse("2026-06-15T04:59:59Z"), Instant.parse("2026-06-15T05:00:00Z"))).containsExactly(http);
        assertThat(s.due("http", Instant.parse("2026-06-15T05:00:00Z"), Instant.parse("2026-06-15T05:00:01Z"))).isEmpty();
    }
}
