package org.perfalert.digest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.Better;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    @ParameterizedTest(name = "z {0}, better {1}: {2}")
    @CsvSource({
            "1.645, neutral, Higher",
            "1.644, neutral, Comparable",
            "-1.645, neutral, Lower",
            "3.0, up, Improved",
            "-3.0, up, Deteriorated",
            "3.0, down, Deteriorated",
            "-3.0, down, Improved",
            "0.0, down, Comparable"})
    void wordsFollowTheBetterDirection(double z, String better, String word) {
        assertThat(Verdict.of(z, 1.645, Better.valueOf(better.toUpperCase())).word()).isEqualTo(word);
    }
}
