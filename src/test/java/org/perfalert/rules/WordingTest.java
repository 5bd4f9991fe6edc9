package org.perfalert.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfalert.model.Better;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

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

    @ParameterizedTest(name = "{1} beside {2} ({0}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "count   | 71.6  | 72    | 71.6",            // "above the upper control limit (71.6)", not "(72)"
            "count   | 57.2  | 60    | 57",              // already apart
            "percent | 11.38 | 11.4  | 11.38%",
            "minutes | 12.34 | 12.3  | 12.34 minutes",
            "minutes | 12.26 | 12.3  | 12.26 minutes",
            "number  | 1.234 | 1.23  | 1.234",
    })
    void aNumberBesideTheValueNeverReadsTheSame(String unit, double x, double against, String text) {
        Metric m = new Metric("m", "M", Unit.parse(unit), Better.UP, "T", null, null, null);
        assertThat(Wording.valueBeside(m, x, against)).isEqualTo(text);
    }

    @ParameterizedTest(name = "since {0}, figures from {1}, at {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "        | 2024-01 | 2025-12 | highest since the figures begin (January 2024)",  // 23 months before
            "        | 2023-01 | 2025-12 | highest since the figures begin (January 2023)",  // 35 months before
            "        | 2022-12 | 2025-12 | highest on record",                                // 36 months before
            "        |         | 2025-12 | highest on record",                                // first month unknown
            "2025-06 | 2024-01 | 2025-12 | highest in 12 months",                             // a since is not a record
    })
    void onRecordNeedsThirtySixMonths(String since, String first, String month, String text) {
        assertThat(Wording.extreme("highest", 12, since == null ? null : YearMonth.parse(since), YearMonth.parse(month),
                first == null ? null : YearMonth.parse(first))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"7.9 | +7.9%", "-9.64 | \u22129.6%"})
    void signedPercentsUseARealMinus(double pct, String text) {
        assertThat(Wording.signedPercent(pct)).isEqualTo(text);
    }

    /** Headline numbers are written by arithmetic for speed: the text must be exactly DecimalFormat's. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Wording.Digits.class)
    void numbersAreWrittenExactlyAsDecimalFormatRoundingHalfUpWritesThem(Wording.Digits digits) {
        DecimalFormat reference = new DecimalFormat(digits.toString(), DecimalFormatSymbols.getInstance(Locale.UK));
        reference.setRoundingMode(RoundingMode.HALF_UP);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 12.25, -12.25, -0.04,
                0.5, -0.5, 999.5, 999_999.95, 1e9, 1e12, 123_456_789.125, 8.2, 11.49, 116_205.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.49999999999999994));
        for (int k = -3000; k <= 3000; k++) { values.add(k / 1000.0); values.add(k / 200.0); values.add(k / 20.0 + 1000); }
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, r.nextInt(12) - 3);
            values.add((r.nextDouble() - 0.3) * magnitude);
            values.add(Math.round(r.nextDouble() * magnitude * 100) / 100.0);
            values.add((double) r.nextInt(1_000_000));
        }
        for (double v : values) assertThat(digits.format(v)).as("%s", v).isEqualTo(reference.format(v));
    }
}
