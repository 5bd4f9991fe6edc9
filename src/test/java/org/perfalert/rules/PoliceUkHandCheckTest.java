package org.perfalert.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand checks on the real data.police.uk figures for Cambridgeshire, 2024–2025 (StreetCounts).
 * The expectations are computed here, straight from the counts, not through Series.
 */
class PoliceUkHandCheckTest {
    static Configuration config;
    static StreetCounts counts;
    static List<PerformanceException> year2025 = new ArrayList<>();
    static final List<YearMonth> MONTHS_2025 = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> YearMonth.of(2025, i)).toList();

    @BeforeAll
    static void evaluate2025() throws Exception {
        config = ConfigLoader.loadForRules(Path.of("config"));
        counts = new StreetCounts(config.areas());
        Evaluator evaluator = new Evaluator(RuleCompiler.compile(Path.of("rules")), config.catalogue(), config.areas());
        SeriesBuilder history = evaluator.history(counts.observations());
        for (YearMonth m : MONTHS_2025) year2025.addAll(evaluator.evaluate(history, m));
    }

    static Optional<PerformanceException> find(String rule, String metric, String area, String month) {
        return year2025.stream().filter(e -> e.rule().equals(rule) && e.metric().equals(metric) && e.area().equals(area)
                && e.month().equals(YearMonth.parse(month))).findFirst();
    }

    @Test
    void theReadmeCases() {
        assertThat(find("twelve-month-high", "policeuk.drugs", "Cambridge", "2025-10")).get()
                .satisfies(e -> assertThat(e.evidence()).containsEntry("value", 103.0).containsEntry("previous_max", 65.0));
        assertThat(find("twelve-month-high", "policeuk.drugs", "Cambridge", "2025-11")).get()
                .satisfies(e -> assertThat(e.evidence()).containsEntry("value", 110.0).containsEntry("previous_max", 103.0));
        assertThat(find("twelve-month-high", "policeuk.drugs", "Peterborough", "2025-09")).get()
                .satisfies(e -> assertThat(e.evidence()).containsEntry("value", 156.0).containsEntry("previous_max", 91.0));
        assertThat(find("twelve-month-low", "policeuk.shoplifting", "Fenland", "2025-06")).get()
                .satisfies(e -> assertThat(e.evidence()).containsEntry("value", 20.0).containsEntry("previous_min", 36.0));
        assertThat(find("twelve-month-low", "policeuk.robbery", "Peterborough", "2025-12")).get()
                .satisfies(e -> assertThat(e.evidence()).containsEntry("value", 8.0).containsEntry("previous_min", 15.0));
        PerformanceException drugs = find("twelve-month-high", "policeuk.drugs", "Cambridge", "2025-10").orElseThrow();
        assertThat(drugs.headline()).startsWith("Cambridge \u2013 Drugs (police.uk) 103 in October 2025: highest since the figures begin (January 2024)");
    }

    /** Every series, every month of 2025: twelve-month highs and lows exactly where the counts say. */
    @Test
    void twelveMonthHighsAndLowsAgreeWithTheCounts() {
        Set<String> expected = counts.twelveMonthExtremes(MONTHS_2025), actual = new TreeSet<>();
        for (PerformanceException e : year2025) {
            if (!e.rule().startsWith("twelve-month")) continue;
            Object prev = e.evidence().get(e.rule().endsWith("high") ? "previous_max" : "previous_min");
            actual.add(e.month() + " " + e.rule() + " " + e.metric() + "|" + e.areaType().id() + "|" + e.area() + " " + prev);
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    /** The force's all-crime count against the mean of the 12 months before it (Poisson z). */
    @Test
    void averagesOfTheForceAllCrimeAgreeWithTheCounts() {
        TreeMap<YearMonth, Double> force = counts.byKey.get("policeuk.all_crime|force|" + config.areas().force());
        for (int i = 1; i <= 12; i++) {
            YearMonth m = YearMonth.of(2025, i);
            double sum = 0;
            for (int k = 1; k <= 12; k++) sum += force.get(m.minusMonths(k));
            double mean = sum / 12, z = (force.get(m) - mean) / Math.sqrt(mean);
            Optional<PerformanceException> above = find("above-average-1yr", "policeuk.all_crime", config.areas().force(), m.toString());
            Optional<PerformanceException> below = find("below-average-1yr", "policeuk.all_crime", config.areas().force(), m.toString());
            assertThat(above.isPresent()).as("above at %s (z %.3f)", m, z).isEqualTo(z >= 1.645);
            assertThat(below.isPresent()).as("below at %s (z %.3f)", m, z).isEqualTo(z <= -1.645);
            above.or(() -> below).ifPresent(e -> {
                assertThat((Double) e.evidence().get("mean")).isCloseTo(mean, within(1e-9));
                assertThat((Double) e.evidence().get("z")).isCloseTo(z, within(1e-9));
            });
        }
    }
}
