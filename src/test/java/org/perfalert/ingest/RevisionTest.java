package org.perfalert.ingest;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;
import org.perfalert.store.Revision;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.*;

/** Loading a corrected file updates the figure and keeps the old one in the history (CONTRACT.md 1.4). */
class RevisionTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aCorrectedFileRevisesTheFigureAndKeepsTheOldOne(String target) throws Exception {
        YearMonth feb = YearMonth.of(2024, 2);
        Path first = dir.resolve("calls-2024.csv");
        Files.writeString(first, "month,metric,area,value\n2024-01,calls_999,Fenland,10\n2024-02,calls_999,Fenland,12\n");
        Path corrected = dir.resolve("calls-2024-corrected.csv");
        Files.writeString(corrected, "month,metric,area,value\n2024-01,calls_999,Fenland,10\n2024-02,calls_999,Fenland,15\n");
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            FileLoader loader = new FileLoader(TestConfig.config(), store.observations(), TestConfig.clock());
            loader.load(first);

            FileResult result = loader.load(corrected);

            assertThat(result.loaded()).isTrue();
            assertThat(result.outcome().revised()).isEqualTo(1);
            assertThat(result.outcome().unchanged()).isEqualTo(1);
            assertThat(result.touchedMonths()).containsExactly(feb);
            assertThat(store.observations().all()).contains(new Observation(feb, "calls_999", AreaType.DISTRICT, "Fenland", 15, null, null));
            List<Revision> history = store.observations().revisions(new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland"), feb);
            assertThat(history).singleElement().satisfies(r -> {
                assertThat(r.oldValue()).isEqualTo(12);
                assertThat(r.newValue()).isEqualTo(15);
                assertThat(r.oldSource()).isEqualTo(first.toString());
                assertThat(r.source()).isEqualTo(corrected.toString());
                assertThat(r.revisedAt()).isEqualTo(TestConfig.clock().instant());
            });
            assertThat(result.report().render()).contains("new: 0, unchanged: 1, revised: 1")
                    .contains("revised 2024-02 calls_999 district Fenland: 12 -> 15").contains("months to evaluate: 2024-02");

            FileResult again = loader.load(corrected);
            assertThat(again.outcome().unchanged()).isEqualTo(2);
            assertThat(again.touchedMonths()).isEmpty();
            assertThat(store.observations().revisions(new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland"), feb)).hasSize(1);
        }
    }
}
