package org.perfalert.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {
    /** The cases and their neighbours: numbers the text says differ never print the same. */
    @ParameterizedTest(name = "{1} at {0} decimals -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0 | 72; 71.6            | 72; 71.6",             // "72 (beyond 72)" was the control limit rounded
            "0 | 6; 5.75             | 6; 5.8",               // "6: above the average (6)"
            "0 | 6; 5.8              | 6; 5.8",
            "1 | 11.4; 11.43; 11.38  | 11.4; 11.43; 11.38",   // "11.4% higher than 11.4%, 11.4%"
            "1 | 8.2; 7.9            | 8.2; 7.9",             // already apart: nothing added
            "0 | 1234; 1250.4        | 1,234; 1,250",
            "0 | 29; 27; 27          | 29; 27; 27",           // equal numbers may print the same
            "1 | 7; 12               | 7.0; 12.0",            // the minimum kept
            "0 | 10.00001; 10        | 10; 10",               // closer than the most decimals added: as they are
            "0 | 0.004; -0.004       | 0.004; -0.004",
            "0 | 2.5; 3.5            | 3; 4",                 // half up, as people round
    })
    void addsDecimalsUntilDifferentNumbersReadDifferently(int min, String values, String written) {
        double[] v = Arrays.stream(values.split(";")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        assertThat(Numbers.distinct(min, v)).containsExactly(Arrays.stream(written.split(";")).map(String::trim).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} beside {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "71.6   | 72   | 0 | 71.6",
            "72     | 72   | 0 | 72",
            "57.96  | 58   | 0 | 57.96",
            "11.38  | 11.4 | 1 | 11.38",
            "9.2    | 11.4 | 1 | 9.2",
            "2729.4 | 3111 | 0 | 2,729",
    })
    void oneNumberBesideAnother(double x, double against, int min, String written) {
        assertThat(Numbers.apart(x, against, min)).isEqualTo(written);
    }
}
