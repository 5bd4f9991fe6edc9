package org.perfalert.notify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @ParameterizedTest(name = "after {0} failures wait {1}s, give up {2}")
    @CsvSource({"1, 60, false", "2, 120, false", "3, 240, false", "6, 1920, false", "7, 3600, false", "19, 3600, false",
            "20, 3600, true", "25, 3600, true"})
    void doublesUpToTheCap(int failures, long seconds, boolean giveUp) {
        assertThat(Backoff.DEFAULT.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(Backoff.DEFAULT.giveUp(failures)).isEqualTo(giveUp);
    }
}
