package org.perfalert.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's commands around a backtest: filters, evaluate as CSV, --summary and --compare, checked
 * against the plain backtest of the same data (the seed reports' figures, a year of months).
 */
class BacktestCompareTest {
    static final String SEED = "src/test/resources/seed-reports";
    static final String[] RANGE = {"--data", SEED + "/data.csv", "--config", SEED + "/config", "--from", "2020-07", "--to", "2021-06"};
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode plain;
    @TempDir Path dir;

    @BeforeAll
    static void plainBacktest() throws IOException {
        CliRun r = CliRun.run(args("backtest"));
        assertThat(r.exit()).as(r.err()).isZero();
        plain = JSON.readTree(r.out());
        assertThat(plain.size()).isGreaterThan(50);
    }

    static String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(RANGE));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static Map<String, Integer> countBy(JsonNode array, String field) {
        Map<String, Integer> out = new TreeMap<>();
        array.forEach(e -> out.merge(e.get(field).asText(), 1, Integer::sum));
        return out;
    }

    @Test
    void filtersKeepOnlyTheRulesMetricsAndAreasAsked() throws IOException {
        CliRun r = CliRun.run(args("backtest", "--rule", "twelve-month-high,twelve-month-low", "--area", "fenland"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode kept = JSON.readTree(r.out());
        int expected = 0;
        for (JsonNode e : plain)
            if (e.get("rule").asText().startsWith("twelve-month-") && e.get("area").asText().equals("Fenland")) expected++;
        assertThat(expected).isPositive();
        assertThat(kept.size()).isEqualTo(expected);
    }

    @Test
    void aNameNotInThePackOrTheConfigurationIsAnErrorWithTheNearestName() {
        CliRun r = CliRun.run(args("backtest", "--rule", "twelve-month-hihg"));
        assertThat(r.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err()).contains("--rule \"twelve-month-hihg\"").contains("did you mean twelve-month-high?");
        CliRun area = CliRun.run("evaluate", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--area", "Fenlnd");
        assertThat(area.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(area.err()).contains("did you mean Fenland?");
    }

    @Test
    void evaluateWritesCsvOfTheSameExceptionsAsJson() throws IOException {
        String[] base = {"evaluate", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--month", "2021-06", "--metric", "recorded_crime_all"};
        CliRun json = CliRun.run(base);
        List<String> csvArgs = new ArrayList<>(List.of(base));
        csvArgs.addAll(List.of("--format", "csv"));
        CliRun csv = CliRun.run(csvArgs.toArray(String[]::new));
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.out())).getRecords();
        JsonNode array = JSON.readTree(json.out());
        assertThat(rows).hasSize(array.size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("rule")).isEqualTo(array.get(i).get("rule").asText());
            assertThat(rows.get(i).get("metric")).isEqualTo("recorded_crime_all");
            assertThat(rows.get(i).get("headline")).isEqualTo(array.get(i).get("headline").asText());
        }
    }

    @Test
    void summaryCountsEachRuleInEachMonth() throws IOException {
        CliRun r = CliRun.run(args("backtest", "--summary", "--format", "json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode table = JSON.readTree(r.out());
        assertThat(table.get("months")).hasSize(12);
        Map<String, Integer> perRule = countBy(plain, "rule");
        perRule.forEach((rule, n) -> assertThat(table.get("rules").get(rule).get("total").asInt()).as(rule).isEqualTo(n));
        assertThat(table.get("all").get("total").asInt()).isEqualTo(plain.size());
        Map<String, Integer> perMonth = countBy(plain, "month");
        perMonth.forEach((month, n) -> assertThat(table.get("all").get(month).asInt()).as(month).isEqualTo(n));
        CliRun text = CliRun.run(args("backtest", "--summary"));
        assertThat(text.out()).contains("all rules").contains("2021-06").contains("twelve-month-high");
    }

    @Test
    void comparingWithAChangedSettingsFileRemovesExactlyTheShorterStreaks() throws IOException {
        Path settings = dir.resolve("settings-5.properties");
        Files.writeString(settings, Files.readString(Path.of("rules/settings.properties"))
                .replace("rolling-streak.min-months = 3", "rolling-streak.min-months = 5"));
        CliRun r = CliRun.run(args("backtest", "--compare", settings.toString(), "--format", "json", "--examples", "2"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        Map<String, Integer> shorter = new TreeMap<>();
        for (JsonNode e : plain)
            if (e.get("rule").asText().startsWith("rolling-") && e.get("evidence").get("months").asInt() < 5)
                shorter.merge(e.get("rule").asText() + " " + e.get("month").asText(), 1, Integer::sum);
        assertThat(shorter).isNotEmpty();
        assertThat(report.get("total").get("before").asInt()).isEqualTo(plain.size());
        assertThat(report.get("total").get("added").asInt()).isZero();
        assertThat(report.get("total").get("removed").asInt()).isEqualTo(shorter.values().stream().mapToInt(i -> i).sum());
        assertThat(report.get("total").get("after").asInt()).isEqualTo(plain.size() - report.get("total").get("removed").asInt());
        Map<String, Integer> removed = new TreeMap<>();
        for (JsonNode c : report.get("changes")) {
            if (c.get("removed").asInt() == 0) continue;
            removed.put(c.get("rule").asText() + " " + c.get("month").asText(), c.get("removed").asInt());
            assertThat(c.get("removed_examples").size()).isEqualTo(Math.min(2, c.get("removed").asInt()));
            assertThat(c.get("removed_examples").get(0).get("headline").asText()).contains("consecutive months");
        }
        assertThat(removed).isEqualTo(shorter);
    }

    @Test
    void comparingWithAnotherRuleFolderShowsTheRulesItLacksAsRemoved() throws IOException {
        Path other = dir.resolve("rules");
        Files.createDirectories(other);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList())
                if (!f.getFileName().toString().equals("spc.drl")) Files.copy(f, other.resolve(f.getFileName()));
        }
        CliRun r = CliRun.run(args("backtest", "--compare", other.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        long spc = 0;
        for (JsonNode e : plain) if (e.get("rule").asText().startsWith("spc-")) spc++;
        assertThat(spc).isPositive();
        assertThat(r.out()).contains(String.format("total: %,d before, %,d after: 0 added, %,d removed", plain.size(), plain.size() - spc, spc));
        assertThat(r.out().lines().filter(l -> l.matches("^\\S+\\s+\\d{4}-\\d\\d .*"))).allSatisfy(l -> assertThat(l).startsWith("spc-"));
    }

    @Test
    void comparingWithAFolderThatDoesNotCompileSaysWhere() throws IOException {
        Path other = dir.resolve("broken");
        Files.createDirectories(other);
        Files.copy(Path.of("rules/settings.properties"), other.resolve("settings.properties"));
        Files.writeString(other.resolve("x.drl"), "package x\nrule \"x\"\nwhen\n  Foo( )\nthen\nend\n");
        CliRun r = CliRun.run(args("backtest", "--compare", other.toString()));
        assertThat(r.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err()).contains("the rules to compare with").contains("x.drl:4:");
    }
}
