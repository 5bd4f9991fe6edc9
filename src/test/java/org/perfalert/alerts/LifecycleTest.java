package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {

    @ParameterizedTest(name = "held last month={0}, found now={1}, stored={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // held, found, stored,     expected
            "false, true,  -,          new",          // first month it holds
            "true,  true,  -,          continuing",   // held last month too
            "true,  false, -,          resolved",     // held last month, no longer
            "false, false, -,          -",            // nothing to say
            "false, true,  new,        new",          // same data again: unchanged
            "true,  true,  continuing, continuing",   // same data again: unchanged
            "true,  true,  new,        new",          // stays as first decided (a later revision of M-1 does not rewrite M)
            "false, false, new,        withdrawn",    // revision of M: no longer found
            "true,  false, continuing, withdrawn",    // revision of M: no longer found
            "false, false, withdrawn,  withdrawn",    // already withdrawn: unchanged
            "false, true,  withdrawn,  new",          // a further revision brings it back
            "true,  true,  withdrawn,  continuing",
            "true,  false, resolved,   resolved",     // same data again: unchanged
            "false, false, resolved,   -",            // the month before was withdrawn: the resolution goes
            "true,  true,  resolved,   continuing",   // a revision of M makes it hold again
            "false, true,  resolved,   new",
    })
    void decides(boolean held, boolean found, String stored, String expected) {
        Optional<AlertStatus> s = Optional.ofNullable(stored).map(AlertStatus::parse);
        assertThat(Lifecycle.decide(held, found, s)).isEqualTo(Optional.ofNullable(expected).map(AlertStatus::parse));
    }
}
