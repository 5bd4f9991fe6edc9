package org.perfalert.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.rules.StreetCounts;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** evaluate, backtest and rules check through the command line, on the repository's files. */
class RuleCommandsTest {
    static final String SEED = "src/test/resources/seed-reports";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.run(args); }

    @Test
    void evaluatePrintsTheContractJsonForTheMonth() throws Exception {
        CliRun r = run("evaluate", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--month", "2021-06");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isGreaterThan(0);
        for (JsonNode e : array) {
            assertThat(e.fieldNames()).toIterable().containsExactly("rule", "metric", "area_type", "area", "month",
                    "severity", "direction", "headline", "evidence", "notable", "calibrated");
            assertThat(e.get("calibrated").fieldNames()).toIterable().containsExactly("expected", "phi", "z", "z_year");
            assertThat(e.get("month").asText()).isEqualTo("2021-06");
            assertThat(e.get("evidence").has("value")).isTrue();
        }
        JsonNode csa = find(array, "twelve-month-high", "recorded_crime_csa", "Cambridgeshire");
        assertThat(csa.get("evidence").get("since").isNull()).isTrue();
        assertThat(csa.get("headline").asText()).endsWith("highest on record");
        JsonNode east = find(array, "only-district-increase", "recorded_crime_all", "East Cambridgeshire");
        assertThat(east.get("area_type").asText()).isEqualTo("district");
        assertThat(east.get("headline").asText()).startsWith("East Cambridgeshire was the only district to record an increase in all recorded crime (+");
        // ordered by severity (high first) within the month
        List<String> severities = new ArrayList<>();
        array.forEach(e -> severities.add(e.get("severity").asText()));
        assertThat(severities).isSortedAccordingTo(Comparator.comparing(s -> List.of("high", "medium", "low").indexOf(s)));
    }

    static JsonNode find(JsonNode array, String rule, String metric, String area) {
        for (JsonNode e : array)
            if (e.get("rule").asText().equals(rule) && e.get("metric").asText().equals(metric) && e.get("area").asText().equals(area))
                return e;
        throw new AssertionError("no " + rule + " for " + metric + " in " + area);
    }

    @Test
    void evaluateDefaultsToTheLatestMonthAndPrintsText() throws Exception {
        String latest = Files.readAllLines(Path.of(SEED, "data.csv")).stream().skip(1).map(l -> l.substring(0, 7)).max(String::compareTo).orElseThrow();
        CliRun r = run("evaluate", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--format", "text");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(latest + "  "));
    }

    @Test
    void backtestOverTheRealPoliceUkFilesAgreesWithTheCounts() throws Exception {
        CliRun r = run("backtest", "--data", "samples/policeuk/street", "--from", "2025-01", "--to", "2025-12");
        assertThat(r.exit()).as(r.err()).isZero();
        List<YearMonth> months = IntStream.rangeClosed(1, 12).mapToObj(i -> YearMonth.of(2025, i)).toList();
        Set<String> expected = new StreetCounts(ConfigLoader.loadForRules(Path.of("config")).areas()).twelveMonthExtremes(months);
        Set<String> actual = new TreeSet<>(), monthsSeen = new TreeSet<>();
        for (JsonNode e : JSON.readTree(r.out())) {
            monthsSeen.add(e.get("month").asText());
            String rule = e.get("rule").asText();
            if (!rule.startsWith("twelve-month")) continue;
            JsonNode prev = e.get("evidence").get(rule.endsWith("high") ? "previous_max" : "previous_min");
            actual.add(e.get("month").asText() + " " + rule + " " + e.get("metric").asText() + "|" + e.get("area_type").asText()
                    + "|" + e.get("area").asText() + " " + prev.asDouble());
        }
        assertThat(monthsSeen).hasSize(12).first().isEqualTo("2025-01");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void notablePrintsOnlyTheNotableExceptionsAndTheSignals() throws Exception {
        String[] args = {"backtest", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--from", "2020-04", "--to", "2020-09"};
        CliRun all = run(args), notable = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--notable"))
                .toArray(String[]::new));
        assertThat(notable.exit()).as(notable.err()).isZero();
        List<JsonNode> every = new java.util.ArrayList<>(), only = new java.util.ArrayList<>();
        JSON.readTree(all.out()).forEach(every::add);
        JSON.readTree(notable.out()).forEach(only::add);
        assertThat(only).isNotEmpty().allSatisfy(e -> assertThat(e.get("notable").asBoolean()).isTrue());
        assertThat(only).anySatisfy(e -> assertThat(e.get("rule").asText()).isIn("exceptional-high", "exceptional-low", "sustained-rise",
                "sustained-fall", "year-on-year-rise", "year-on-year-fall"));
        assertThat(only).hasSize((int) every.stream().filter(e -> e.get("notable").asBoolean()).count()).hasSizeLessThan(every.size());
    }

    @Test
    void backtestPrintsCsvForTheRange() {
        CliRun r = run("backtest", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--from", "2019-06", "--to", "2019-07", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("month,rule,metric,area_type,area,severity,direction,value,headline,evidence,notable,calibrated");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(l -> assertThat(l).matches("^2019-0[67],.*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2019-07,rolling-rise-streak,recorded_crime_all,force,Cambridgeshire,"));
    }

    @Test
    void badUsageExitsWithTwoAndBadInputWithOne() throws Exception {
        assertThat(run("backtest", "--data", SEED + "/data.csv", "--from", "2020-05", "--to", "2020-01").exit()).isEqualTo(2);
        assertThat(run("evaluate", "--data", SEED + "/data.csv", "--month", "May 2020").exit()).isEqualTo(2);
        assertThat(run("evaluate", "--data", SEED + "/data.csv", "--format", "xml").exit()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "month,metric,value\n2020-01,no_such_metric,3\n");
        CliRun r = run("evaluate", "--data", bad.toString(), "--config", SEED + "/config");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv").contains("no_such_metric");
    }

    @Test
    void rulesCheckSaysOkOrListsEveryProblem() throws Exception {
        CliRun ok = run("rules", "check");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("OK");
        Files.writeString(dir.resolve("settings.properties"), "spc.run = 7\n");
        Files.writeString(dir.resolve("broken.drl"), """
                package broken
                import org.perfalert.rules.Series

                rule "broken"
                when
                    Series( valeu > 3 )
                then
                end
                """);
        CliRun bad = run("rules", "check", "--rules", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).startsWith(dir.resolve("broken.drl") + ":6:13: ").contains("valeu");
    }

    @Test
    void aMonthWithoutFiguresGivesNoExceptionsAndSaysWhy() throws Exception {
        CliRun r = run("evaluate", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--month", "2030-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).size()).isZero();
        assertThat(r.err()).contains("no figures for 2030-01").contains("latest month in the data is 2021-06");
    }
}
