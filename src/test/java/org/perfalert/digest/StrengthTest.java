package org.perfalert.digest;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Strength is the multiple of the bar each rule had to clear. */
class StrengthTest {
    private static final YearMonth M = YearMonth.of(2025, 11);

    private static double of(String rule, Object... kv) {
        Map<String, Object> e = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) e.put((String) kv[i], kv[i + 1]);
        return Strength.of(rule, M, e);
    }

    @Test
    void zTestsAgainstTheSignificanceThreshold() {
        assertThat(of("above-average-1yr", "value", 10.0, "mean", 5.0, "z", 3.29)).isCloseTo(2.0, within(1e-9));
        assertThat(of("below-benchmark", "value", 1.0, "z", -1.645)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void limitsByHowFarBeyond() {
        // mean 10, upper 16: a value of 19 is 1.5 times as far from the mean as the limit
        assertThat(of("spc-outside-limits", "value", 19.0, "mean", 10.0, "upper", 16.0, "lower", 4.0)).isCloseTo(1.5, within(1e-9));
        assertThat(of("spc-outside-limits", "value", 1.0, "mean", 10.0, "upper", 16.0, "lower", 4.0)).isCloseTo(1.5, within(1e-9));
        assertThat(of("threshold-above", "value", 30.0, "limit", 20.0)).isCloseTo(1.5, within(1e-9));
        assertThat(of("spc-two-of-three", "value", 14.0, "mean", 10.0, "band", 12.0)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void runsByLengthAgainstTheShortestThatFires() {
        assertThat(of("spc-shift", "value", 1.0, "months", 14)).isCloseTo(2.0, within(1e-9));
        assertThat(of("rolling-rise-streak", "value", 1.0, "months", 6)).isCloseTo(2.0, within(1e-9));
        assertThat(of("same-month-high", "value", 1.0, "years", 3)).isCloseTo(1.5, within(1e-9));
        assertThat(of("twelve-month-high", "value", 1.0, "since", "2023-11")).isCloseTo(2.0, within(1e-9));
        assertThat(of("twelve-month-low", "value", 1.0, "since", null)).isEqualTo(Strength.ON_RECORD);
    }

    @Test
    void rankingPutsSeverityFirstThenStrength() {
        WeekAlertFixture f = new WeekAlertFixture();
        var weakHigh = f.alert("twelve-month-high", "a", "high", Map.of("value", 1.0, "since", "2024-10"));
        var strongMedium = f.alert("above-average-3yr", "b", "medium", Map.of("value", 1.0, "z", 9.0));
        var weakMedium = f.alert("above-average-3yr", "c", "medium", Map.of("value", 1.0, "z", 2.0));
        var list = new java.util.ArrayList<>(java.util.List.of(weakMedium, strongMedium, weakHigh));
        list.sort(Ranking.ORDER);
        assertThat(list).containsExactly(weakHigh, strongMedium, weakMedium);
    }
}
