package org.perfalert.pull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.model.PerformanceException;
import org.perfalert.pipeline.MonthRun;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pipeline.RunParts;
import org.perfalert.rules.RuleBase;
import org.perfalert.fixtures.StandardRules;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulled figures go on to the rules like a loaded file's: the pipeline loads the pull's payload and evaluates the
 * months it changed with the standard rule pack; a repeat pull evaluates nothing; a revision is evaluated again.
 */
class PulledFiguresEvaluatedTest {
    static RuleBase rules;

    @TempDir Path dir;

    @BeforeAll
    static void compileTheRulePack() throws Exception {
        rules = StandardRules.pack();
    }

    @Test
    void aQueueOverItsLimitInAPulledMonthRaisesAnExceptionAndARevisionBelowItWithdrawsIt() throws Exception {
        SqlPullTest.Warehouse w = new SqlPullTest.Warehouse("jdbc:h2:mem:evaluated-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "reader", "pw", "queue");
        w.execute("CREATE TABLE {table} (m VARCHAR(7), v INTEGER)",
                "INSERT INTO {table} VALUES ('2026-03', 300), ('2026-04', 320), ('2026-05', 650)");
        try (PullFixture f = new PullFixture(dir, Map.of(SqlPullTest.PASSWORD_ENV, "pw"))) {
            Source source = f.source(w.sourcesYaml(
                    "SELECT m AS \"month\", 'imu_queue' AS metric, 'Cambridgeshire' AS area, v AS \"value\" FROM {table} WHERE m BETWEEN :from AND :to"));
            RunParts parts = RunParts.of(f.cfg, rules, f.store, f.clock, p -> { });
            Pipeline pipeline = new Pipeline(f.store, () -> parts, f.clock);
            SourcePuller puller = f.pullerLoadingWith(pipeline::load);
            List<PerformanceException> found = new ArrayList<>();
            List<YearMonth> evaluatedMonths = new ArrayList<>();
            Runnable pullAndEvaluate = () -> {
                PullResult r = puller.pull(source);
                for (MonthRun m : pipeline.evaluateAndRaise(r.touchedMonths(), r.runId())) {
                    evaluatedMonths.add(m.evaluation().month());
                    found.addAll(m.evaluation().findings());
                }
            };

            pullAndEvaluate.run();

            assertThat(evaluatedMonths).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
            assertThat(found).filteredOn(e -> e.rule().equals("threshold-above")).singleElement().satisfies(e -> {
                assertThat(e.metric()).isEqualTo("imu_queue");
                assertThat(e.area()).isEqualTo("Cambridgeshire");
                assertThat(e.month()).isEqualTo(YearMonth.of(2026, 5));
                assertThat(e.evidence()).containsEntry("limit", 500.0);
            });

            evaluatedMonths.clear();
            found.clear();
            pullAndEvaluate.run();
            assertThat(evaluatedMonths).as("the same figures again: nothing to evaluate").isEmpty();

            w.execute("UPDATE {table} SET v = 450 WHERE m = '2026-05'");
            pullAndEvaluate.run();
            assertThat(evaluatedMonths).containsExactly(YearMonth.of(2026, 5));
            assertThat(found).noneMatch(e -> e.rule().equals("threshold-above"));
        }
    }
}
