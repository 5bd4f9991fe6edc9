package org.perfalert.pull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When the analysts are told about a failing source: the decision as a table. */
class SourceStateTest {
    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @ParameterizedTest(name = "{0} failures before, told={1}, this pull ok={2} -> {3} failures, told={4}, tell now={5}")
    @CsvSource({
            // before, told, ok,    after, told, tell now
            "0, false, false, 1, false, false",
            "1, false, false, 2, false, false",
            "2, false, false, 3, true,  true",   // the third failure in a row tells them
            "3, true,  false, 4, true,  false",  // once per run of failures
            "9, true,  false, 10, true, false",
            "5, true,  true,  0, false, false",  // a good pull ends the run
            "2, false, true,  0, false, false",
            "0, false, true,  0, false, false",
    })
    void decides(int before, boolean told, boolean ok, int after, boolean toldAfter, boolean tellNow) {
        SourceState s = new SourceState(before, before == 0 ? null : "down", null, null, told);

        SourceState.Step step = s.after(ok, ok ? null : "down again", NOW, 3);

        assertThat(step.next().failures()).isEqualTo(after);
        assertThat(step.next().analystsTold()).isEqualTo(toldAfter);
        assertThat(step.tellAnalysts()).isEqualTo(tellNow);
        assertThat(step.next().lastError()).isEqualTo(ok ? null : "down again");
        if (ok) assertThat(step.next().lastSuccess()).isEqualTo(NOW);
    }
}
