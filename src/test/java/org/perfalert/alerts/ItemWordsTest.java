package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers a lead reads beside each headline, and the chart of the statistic that fired, per kind of rule. */
class ItemWordsTest {
    static final YearMonth DEC = YearMonth.of(2025, 12);
    static final Metric COUNT = new Metric("burglary", "Burglary", Unit.COUNT, Better.DOWN, "Crime", "lead", null, null);
    static final Metric RATE = new Metric("rate", "Outcome rate", Unit.PERCENT, Better.UP, "Crime", "lead", null, null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "twelve-month-high  | count   | value=29; previous_max=27; since=2024-02 | 29 in December 2025; the highest of the 11 months before was 27; last as high in February 2024.",
            "twelve-month-low   | count   | value=8; previous_min=15                 | 8 in December 2025; the lowest of the 11 months before was 15; no earlier month was as low.",
            "spc-outside-limits | count   | value=72; mean=51.3; upper=71.6; lower=31 | 72 in December 2025; usually 31 to 71.6 (average 51.3).",
            "above-average-1yr  | count   | value=6; mean=5.75; z=2.1                | 6 in December 2025 against an average of 5.8 over the 12 months before.",
            "threshold-below    | percent | value=7.04; limit=7                      | 7.04% in December 2025 against a limit of 7.0%.",
            "rolling-rise-streak| count   | value=300; months=4; rolling_total=3111  | 12-month total 3,111 to December 2025, higher than the month before for 4 months running.",
            "exceptional-high   | count   | value=92; expected=57.2; phi=1.8; z=3.9  | 92 in December 2025 where about 57 was expected.",
    })
    void numbersInWords(String rule, String unit, String evidence, String words) {
        assertThat(ItemWords.numbers(exception(rule, evidence), unit.equals("count") ? COUNT : RATE)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "twelve-month-high   | monthly figures | value=29; previous_max=27; since=2024-02 | previous highest 27 |       | 24",
            "spc-outside-limits  | monthly figures | value=72; mean=51.3; upper=71.6; lower=31 | upper limit 71.6; average 51.3; lower limit 31 | | 24",
            "rolling-rise-streak | 12-month total  | value=30; months=4; rolling_total=3111    |                     |       | 13",
            "above-benchmark     | 12-month total  | value=30; rolling=360; benchmark=300; z=2 | year end 300        |       | 13",
            "exceptional-high    | monthly figures | value=92; expected=57; phi=1              |                     | expected 42 to 72 | 24",
    })
    void theChartShowsTheStatisticThatFired(String rule, String what, String evidence, String lines, String band, int points) {
        ItemChart c = ItemChart.of(exception(rule, evidence), COUNT, THREE_YEARS);
        assertThat(c.what()).isEqualTo(what);
        assertThat(c.lines()).extracting(ItemChart.Line::label)
                .containsExactlyElementsOf(lines == null ? List.of() : Arrays.stream(lines.split(";")).map(String::trim).toList());
        assertThat(c.band() == null ? null : c.band().label()).isEqualTo(band);
        assertThat(c.values()).hasSize(points).containsKey(DEC);
        assertThat(c.fromZero()).isTrue();
        if (what.startsWith("12-month")) assertThat(c.values().get(DEC)).isEqualTo(12 * 30.0);   // the total, not the month
        assertThat(ChartRenderer.png(c)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CONCERN, worse", "IMPROVEMENT, better", "NEUTRAL, no better direction"})
    void theToneInWords(Direction d, String word) { assertThat(ItemWords.tone(d)).isEqualTo(word); }

    /** 2024-01 .. 2025-12 at 30 a month (a 12-month total of 360 from December 2024). */
    static final SeriesHistory THREE_YEARS = (series, from, to) -> {
        TreeMap<YearMonth, Double> v = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2024, 1); !m.isAfter(DEC); m = m.plusMonths(1))
            if (!m.isBefore(from) && !m.isAfter(to)) v.put(m, 30.0);
        return v;
    };

    static PerformanceException exception(String rule, String evidence) {
        Map<String, Object> ev = new LinkedHashMap<>();
        for (String kv : evidence.split(";")) {
            String[] p = kv.trim().split("=");
            ev.put(p[0], p[0].equals("since") ? p[1] : (Object) Double.parseDouble(p[1]));
        }
        return new PerformanceException(rule, "burglary", AreaType.DISTRICT, "Fenland", DEC, Severity.HIGH, Direction.CONCERN,
                "Fenland \u2013 Burglary in December 2025: " + rule, ev);
    }
}
