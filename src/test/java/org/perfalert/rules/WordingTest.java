package org.perfalert.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.Better;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** How headlines write values and extremes. */
class WordingTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "percent | 8.2     | 8.2%",
            "percent | 11.49   | 11.5%",
            "count   | 116205  | 116,205",
            "minutes | 12.25   | 12.3 minutes",
            "number  | 512     | 512",
    })
    void valuesAreWrittenByUnit(String unit, double value, String text) {
        Metric m = new Metric("m", "M", Unit.parse(unit), Better.UP, "T", null, null, null);
        assertThat(Wording.value(m, value)).isEqualTo(text);
    }

    @ParameterizedTest(name = "since {0} at {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2019-11 | 2021-03 | lowest in 12 months",        // the contract's example
            "2018-06 | 2020-04 | lowest since June 2018",     // 22 months back
            "        | 2021-03 | lowest on record",
    })
    void extremesSayHowFarBack(String since, String month, String text) {
        assertThat(Wording.extreme("lowest", 12, since == null ? null : YearMonth.parse(since), YearMonth.parse(month)))
                .isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"7.9 | +7.9%", "-9.64 | \u22129.6%"})
    void signedPercentsUseARealMinus(double pct, String text) {
        assertThat(Wording.signedPercent(pct)).isEqualTo(text);
    }
}
