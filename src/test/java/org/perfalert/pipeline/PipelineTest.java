package org.perfalert.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertTestSupport;
import org.perfalert.config.Configuration;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.ingest.FileResult;
import org.perfalert.model.AreaType;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.Outbox;
import org.perfalert.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run as the command line and the service make it: a file is loaded, the months it touched are evaluated oldest
 * first over one history, their alerts raised and the emails queued; loading the same file again changes nothing.
 */
class PipelineTest {
    static final YearMonth FIRST = YearMonth.of(2024, 1), LAST = YearMonth.of(2025, 2);
    @TempDir Path dir;

    @Test
    void aFileOfFourteenMonthsIsEvaluatedOldestFirstOverOneHistoryAndItsAlertsQueued() throws Exception {
        Configuration config = AlertTestSupport.config(dir.resolve("config"), "");
        AlertTestSupport.TestClock clock = new AlertTestSupport.TestClock(Instant.parse("2025-03-05T08:00:00Z"));
        try (Store store = Store.open("jdbc:h2:mem:pipeline-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", clock)) {
            RunParts parts = RunParts.of(config, StandardRules.pack(), store, clock, p -> { throw new AssertionError(p); });
            Pipeline pipeline = new Pipeline(store, () -> parts, clock);

            List<FileResult> loaded = pipeline.loadAll(List.of(burglaryFile()));
            SortedSet<YearMonth> touched = new TreeSet<>(loaded.get(0).touchedMonths());
            List<MonthRun> run = pipeline.evaluateAndRaise(touched, pipeline.newRunId("load"));

            assertThat(run).extracting(m -> m.evaluation().month()).containsExactlyElementsOf(touched).hasSize(14);
            MonthRun first = run.get(0), last = run.get(run.size() - 1);
            // one history for the whole run: the first month's evaluation already holds the last month's figures
            SeriesKey fenland = new SeriesKey("burglary", AreaType.DISTRICT, "Fenland");
            assertThat(first.evaluation().history().values(fenland, LAST, LAST)).containsEntry(LAST, 90.0);
            // with the area and force totals derived from the districts, which the rules saw too
            SeriesKey north = new SeriesKey("burglary", AreaType.AREA, "North");
            assertThat(last.evaluation().evaluated()).contains(fenland, north);
            assertThat(last.evaluation().history().values(north, LAST, LAST)).containsEntry(LAST, 90.0 + 20.0);
            assertThat(last.evaluation().findings()).anySatisfy(e -> {
                assertThat(e.rule()).isEqualTo("twelve-month-high");
                assertThat(e.seriesKey()).isEqualTo(fenland);
            });
            assertThat(last.alerts().newCount()).isPositive();
            assertThat(last.alerts().emailsQueued()).isPositive();
            assertThat(new Outbox(store.dataSource()).all()).isNotEmpty()
                    .allSatisfy(mail -> assertThat(mail.mime()).contains("image/png"));

            // the same file again: nothing changed, nothing to evaluate
            assertThat(pipeline.loadAll(List.of(burglaryFile())).get(0).touchedMonths()).isEmpty();
        }
    }

    /** Burglary in the three districts, flat for 13 months, then Fenland far above its year. */
    private Path burglaryFile() throws Exception {
        List<String> lines = new ArrayList<>(List.of("month,metric,area_type,area,value"));
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            lines.add(m + ",burglary,district,Fenland," + (m.equals(LAST) ? 90 : 30 + m.getMonthValue() % 3));
            lines.add(m + ",burglary,district,Peterborough,20");
            lines.add(m + ",burglary,district,Cambridge,25");
        }
        Path file = dir.resolve("burglary.csv");
        Files.write(file, lines);
        return file;
    }
}
