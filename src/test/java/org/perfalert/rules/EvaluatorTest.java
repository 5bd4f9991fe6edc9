package org.perfalert.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator with a small rule folder of its own: a failing action stops nothing else. */
class EvaluatorTest {
    @TempDir static Path dir;
    static RuleBase rules;
    static final Areas AREAS = new Areas("Force", Map.of("North", List.of("Fenland", "Peterborough")));
    static final Metric CRIME = new Metric("crime", "All recorded crime", Unit.COUNT, Better.DOWN, "T", null, 10.0, null);
    static final YearMonth M = YearMonth.of(2021, 6);

    @BeforeAll
    static void compile() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "severity.above-limit = low\n");
        Files.writeString(dir.resolve("limits.drl"), """
                package test
                import org.perfalert.rules.Series
                import org.perfalert.rules.Movement
                global org.perfalert.rules.Alerts alerts

                rule "above-limit"
                when
                    $s : Series( thresholdAbove != null, value > thresholdAbove )
                then
                    if ($s.getArea().equals("Fenland")) throw new IllegalStateException("no data for Fenland's limit");
                    alerts.raise($s, Movement.UP, $s.headline("above the limit"), $s.evidence().put("limit", $s.getThresholdAbove()));
                end
                """);
        rules = RuleCompiler.compile(dir);
    }

    @Test
    void aRuleThatThrowsForOneSeriesIsReportedAndTheOthersStillFire() {
        List<Observation> obs = List.of(
                new Observation(M, "crime", AreaType.DISTRICT, "Fenland", 20, null, null),
                new Observation(M, "crime", AreaType.DISTRICT, "Peterborough", 30, null, null));
        List<String> problems = new ArrayList<>();
        Evaluator evaluator = new Evaluator(rules, new Catalogue(List.of(CRIME)), AREAS, problems::add);
        List<PerformanceException> found = evaluator.evaluate(obs, M);
        // Peterborough, North (30 + 20 = 50) and the force (50) are above 10; Fenland's firing failed
        assertThat(found).extracting(PerformanceException::area).containsExactly("Force", "North", "Peterborough");
        assertThat(found).allSatisfy(e -> {
            assertThat(e.rule()).isEqualTo("above-limit");
            assertThat(e.severity()).isEqualTo(Severity.LOW);
            assertThat(e.direction()).isEqualTo(Direction.CONCERN);
        });
        assertThat(problems).hasSize(1).first().asString()
                .contains("above-limit").contains("Fenland").contains("no data for Fenland's limit");
    }

    @Test
    void exceptionsComeInContractOrder() {
        List<Observation> obs = List.of(
                new Observation(M, "crime", AreaType.DISTRICT, "Peterborough", 30, null, null),
                new Observation(M, "crime", AreaType.FORCE, "Force", 90, null, null),
                new Observation(M, "crime", AreaType.AREA, "North", 60, null, null));
        List<PerformanceException> found = new Evaluator(rules, new Catalogue(List.of(CRIME)), AREAS, p -> { }).evaluate(obs, M);
        assertThat(found).isSortedAccordingTo(PerformanceException.ORDER);
        assertThat(found.get(0).headline()).isEqualTo("All recorded crime 90 in June 2021: above the limit");
        assertThat(found.get(0).evidence()).containsEntry("value", 90.0).containsEntry("limit", 10.0);
    }
}
