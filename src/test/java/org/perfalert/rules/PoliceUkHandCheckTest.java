package org.perfalert.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand checks on the real data.police.uk figures for Cambridgeshire, 2024–2025, taken from the
 * derived aggregate samples/policeuk/cambridgeshire_street_monthly_by_district.csv (counts per
 * district and crime type; "No location" and "Outside force area" count for the force only).
 * The expectations are computed here, straight from the counts, not through Series.
 */
class PoliceUkHandCheckTest {
    static final Path COUNTS = Path.of("samples/policeuk/cambridgeshire_street_monthly_by_district.csv");
    static Configuration config;
    static Map<String, TreeMap<YearMonth, Double>> byKey = new TreeMap<>(); // "metric|type|area" → month → count
    static List<PerformanceException> year2025 = new ArrayList<>();
    static Set<String> given = new HashSet<>(); // the keys handed to the engine; area totals are for it to derive

    static String slug(String type) { return "policeuk." + type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"); }

    static void add(String metric, AreaType type, String area, YearMonth m, double v) {
        byKey.computeIfAbsent(metric + "|" + type.id() + "|" + area, k -> new TreeMap<>()).merge(m, v, Double::sum);
    }

    @BeforeAll
    static void evaluate2025() throws Exception {
        config = ConfigLoader.loadForRules(Path.of("config"));
        Set<String> districts = new HashSet<>(config.areas().districts());
        try (Reader r = Files.newBufferedReader(COUNTS);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                YearMonth m = YearMonth.parse(rec.get("month"));
                String area = rec.get("area"), type = rec.get("crime_type");
                double count = Double.parseDouble(rec.get("count"));
                List<String> metrics = type.equals("Anti-social behaviour") ? List.of(slug(type)) : List.of(slug(type), "policeuk.all_crime");
                for (String metric : metrics) {
                    add(metric, AreaType.FORCE, config.areas().force(), m, count);
                    given.add(metric + "|force|" + config.areas().force());
                    if (districts.contains(area))
                        add(metric, AreaType.AREA, config.areas().areaOf(area).orElseThrow(), m, count);
                    if (districts.contains(area)) {
                        add(metric, AreaType.DISTRICT, area, m, count);
                        given.add(metric + "|district|" + area);
                    }
                }
            }
        }
        List<Observation> obs = new ArrayList<>();
        byKey.forEach((key, months) -> {
            if (!given.contains(key)) return;
            String[] k = key.split("\\|");
            months.forEach((m, v) -> obs.add(new Observation(m, k[0], AreaType.parse(k[1]), k[2], v, null, null)));
        });
        Evaluator evaluator = new Evaluator(RuleCompiler.compile(Path.of("rules")), config.catalogue(), config.areas());
        SeriesBuilder history = evaluator.history(obs);
        for (int i = 1; i <= 12; i++) year2025.addAll(evaluator.evaluate(history, YearMonth.of(2025, i)));
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
        assertThat(drugs.headline()).startsWith("Cambridge \u2013 Drugs (police.uk) 103 in October 2025: highest on record");
    }

    /** Every series, every month of 2025: twelve-month highs and lows exactly where the counts say. */
    @Test
    void twelveMonthHighsAndLowsAgreeWithTheCounts() {
        Set<String> expected = new TreeSet<>(), actual = new TreeSet<>();
        byKey.forEach((key, months) -> {
            for (int i = 1; i <= 12; i++) {
                YearMonth m = YearMonth.of(2025, i);
                double v = months.get(m), max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 11; k++) { max = Math.max(max, months.get(m.minusMonths(k))); min = Math.min(min, months.get(m.minusMonths(k))); }
                if (v > max) expected.add(m + " twelve-month-high " + key + " " + max);
                if (v < min) expected.add(m + " twelve-month-low " + key + " " + min);
            }
        });
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
        TreeMap<YearMonth, Double> force = byKey.get("policeuk.all_crime|force|" + config.areas().force());
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
