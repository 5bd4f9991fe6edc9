package org.perfalert.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.perfalert.cli.Main;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.ingest.TestConfig;
import org.perfalert.model.Metric;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic board measures: made by the generator, complete, valid, and their planted changes are heard. */
class BoardMeasuresTest {
    static final Path FILE = TestConfig.repo().resolve(BoardMeasures.FILE);

    @Test
    void theSampleFileIsWhatTheGeneratorWritesWithItsSeed() throws Exception {
        List<String> generated = new BoardMeasures(BoardMeasures.SEED, PlantedChanges.ALL).generate();

        assertThat(Files.readAllLines(FILE)).as("regenerate it: see samples/README.md").isEqualTo(generated);
    }

    @Test
    void everyBoardMeasureOfTheCatalogueIsThereForEveryMonthAndLoads() {
        Configuration cfg = TestConfig.config();
        List<Observation> obs = ObservationReader.readAll(List.of(FILE), cfg, TestConfig.clock()); // CONTRACT.md 1.4 checks

        Set<String> boardMetrics = cfg.catalogue().all().stream().map(Metric::id).filter(id -> !id.startsWith("policeuk."))
                .collect(Collectors.toSet());
        assertThat(obs.stream().map(Observation::metric).collect(Collectors.toSet())).isEqualTo(boardMetrics);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) months.add(m);
        Map<SeriesKey, List<YearMonth>> bySeries = obs.stream().collect(Collectors.groupingBy(Observation::key,
                Collectors.mapping(Observation::month, Collectors.toList())));
        assertThat(bySeries).allSatisfy((series, seen) -> assertThat(seen).as(series.toString()).containsExactlyElementsOf(months));
        assertThat(obs).filteredOn(Observation::hasFraction).isNotEmpty()
                .allSatisfy(o -> assertThat(o.numerator()).isBetween(0L, o.denominator()));
    }

    @Test
    void thresholdsAreCrossedWhereAChangeIsPlantedAndNowhereElse() {
        Configuration cfg = TestConfig.config();
        List<Observation> obs = ObservationReader.readAll(List.of(FILE), cfg, TestConfig.clock());
        Set<String> crossed = new TreeSet<>(), planted = new TreeSet<>();
        for (Observation o : obs) {
            Metric m = cfg.catalogue().get(o.metric());
            boolean over = m.thresholdAbove() != null && o.value() > m.thresholdAbove()
                    || m.thresholdBelow() != null && o.value() < m.thresholdBelow();
            if (over) crossed.add(o.metric() + " " + o.month());
            if (over && PlantedChanges.planted(o.metric(), o.area(), o.month())) planted.add(o.metric() + " " + o.month());
        }

        assertThat(crossed).isEqualTo(planted)
                .contains("abandonment_101_secondary 2025-06", "abandonment_101_secondary 2025-09", "calls_answered_30s 2025-07");
    }

    /** What samples/README.md promises the board: each planted change makes section-5 rules fire in its window. */
    @Test
    void thePlantedChangesFireTheRulesTheReadmePromises() throws Exception {
        JsonNode fired = backtest("2024-10", "2025-12");

        List<String> fromJune = List.of("2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12");

        assertThat(fired(fired, "modern_slavery", "Cambridgeshire", "twelve-month-high")).containsExactly("2024-10");
        assertThat(fired(fired, "modern_slavery", "Cambridgeshire", "spc-outside-limits")).containsExactly("2024-10");
        assertThat(fired(fired, "robbery", "Cambridgeshire", "spc-outside-limits")).containsExactly("2024-10", "2024-11", "2024-12");
        assertThat(fired(fired, "robbery", "Cambridgeshire", "twelve-month-high")).containsExactly("2024-10", "2024-11");
        assertThat(fired(fired, "abandonment_101_secondary", "Cambridgeshire", "threshold-above"))
                .containsExactly("2025-06", "2025-07", "2025-08", "2025-09");
        assertThat(fired(fired, "calls_answered_30s", "Cambridgeshire", "threshold-below"))
                .containsExactly("2025-06", "2025-07", "2025-08");
        assertThat(fired(fired, "burglary_dwelling", "Huntingdonshire", "above-benchmark")).isEqualTo(fromJune);
        assertThat(fired(fired, "ppo_rate_da", "Cambridgeshire", "below-benchmark")).isEqualTo(fromJune);
        assertThat(fired(fired, "ppo_rate_da", "Cambridgeshire", "below-average-1yr")).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(m -> assertThat(m).startsWith("2025-"));
    }

    static JsonNode backtest(String from, String to) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Path repo = TestConfig.repo();
        int exit = cl.execute("backtest", "--config", repo.resolve("config").toString(), "--rules", repo.resolve("rules").toString(),
                "--data", FILE.toString(), "--from", from, "--to", to);
        assertThat(exit).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    /** The months in which a rule fired for a series, in order. */
    static List<String> fired(JsonNode exceptions, String metric, String area, String rule) {
        List<String> months = new ArrayList<>();
        for (JsonNode e : exceptions)
            if (e.get("metric").asText().equals(metric) && e.get("area").asText().equals(area) && e.get("rule").asText().equals(rule))
                months.add(e.get("month").asText());
        return months;
    }
}
