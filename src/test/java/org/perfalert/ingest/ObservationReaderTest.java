package org.perfalert.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.*;

class ObservationReaderTest {

    @Test
    void readsTidyCsvJsonAndStreetFilesFromFolders(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("a.csv"), "month,metric,area,value\n2024-01,policeuk.burglary,Fenland,5\n");
        Files.writeString(sub.resolve("b.json"), "[{\"month\":\"2024-02\",\"metric\":\"policeuk.burglary\",\"area\":\"Fenland\",\"value\":7}]");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not an input kind");

        List<Observation> obs = ObservationReader.readAll(List.of(dir), TestConfig.config(), TestConfig.clock());

        assertThat(obs).containsExactly(
                new Observation(YearMonth.of(2024, 1), "policeuk.burglary", AreaType.DISTRICT, "Fenland", 5, null, null),
                new Observation(YearMonth.of(2024, 2), "policeuk.burglary", AreaType.DISTRICT, "Fenland", 7, null, null));
    }

    @Test
    void laterFileWinsAndJsonComesAfterCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("z.csv"), "month,metric,area,value\n2024-01,policeuk.burglary,Fenland,5\n");
        Files.writeString(dir.resolve("a.json"), "[{\"month\":\"2024-01\",\"metric\":\"policeuk.burglary\",\"area\":\"Fenland\",\"value\":9}]");

        List<Observation> obs = ObservationReader.readAll(List.of(dir), TestConfig.config(), TestConfig.clock());

        assertThat(obs).extracting(Observation::value).containsExactly(9.0);
    }

    @Test
    void theLastOfManyFilesWinsEvenWhenParsedSideBySide(@TempDir Path dir) throws Exception {
        for (int i = 10; i < 30; i++)
            Files.writeString(dir.resolve("f" + i + ".csv"), "month,metric,area,value\n2024-01,policeuk.burglary,Fenland," + i + "\n");

        List<Observation> obs = ObservationReader.readAll(List.of(dir), TestConfig.config(), TestConfig.clock());

        assertThat(obs).extracting(Observation::value).containsExactly(29.0);
    }

    @Test
    void doesNotDeriveTotalsFromDistricts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.csv"), "month,metric,area,value\n2024-01,policeuk.burglary,Fenland,5\n2024-01,policeuk.burglary,Peterborough,6\n");

        List<Observation> obs = ObservationReader.readAll(List.of(dir), TestConfig.config(), TestConfig.clock());

        assertThat(obs).extracting(Observation::areaType).containsOnly(AreaType.DISTRICT);
    }

    @Test
    void aBadFileRejectsTheWholeReadListingEveryProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.csv"), "month,metric,area,value\n2024-01,policeuk.burglary,Fenland,5\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "month,metric,area,value\n2024-01,policeuk.burglary,Fenland,x\n2024-13,policeuk.burglary,Fenland,1\n");

        assertThatThrownBy(() -> ObservationReader.readAll(List.of(dir), TestConfig.config(), TestConfig.clock()))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.problems()).containsExactly(
                        bad + ":2:4: value \"x\" is not a number (write digits with a dot for decimals, e.g. 12.5)",
                        bad + ":3:1: month \"2024-13\" is not a month (write it as YYYY-MM, e.g. 2024-03)"));
    }

    @Test
    void streetFilesGiveTheRowCountsAtForceLevel() {
        List<Observation> obs = ObservationReader.readAll(List.of(TestConfig.streetFiles()), TestConfig.config(), TestConfig.clock());

        java.util.Map<YearMonth, Long> sums = new java.util.TreeMap<>();
        obs.stream().filter(o -> o.areaType() == AreaType.FORCE)
                .filter(o -> o.metric().equals("policeuk.all_crime") || o.metric().equals("policeuk.anti_social_behaviour"))
                .forEach(o -> sums.merge(o.month(), (long) o.value(), Long::sum));
        assertThat(sums).containsExactlyEntriesOf(PoliceUkCounts.rowsByMonth());
    }

    @Test
    void readsTheBoardMeasuresSample() throws Exception {
        Path folder = TestConfig.repo().resolve("samples/board-measures");
        List<String[]> rows = Files.readAllLines(folder.resolve("board-measures.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();

        List<Observation> obs = ObservationReader.readAll(List.of(folder), TestConfig.config(), TestConfig.clock());

        assertThat(obs).hasSize(rows.size());
        assertThat(obs).filteredOn(Observation::hasFraction).hasSize((int) rows.stream().filter(r -> !r[5].isEmpty()).count());
    }
}
