package org.perfalert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed-reports golden set: for every month in must.json, the standard rule pack gives exactly the
 * exceptions of expected.json (computed independently from CONTRACT.md section 5). The signal rules of
 * SIGNALS.md are in the pack too; section 5's exceptions are unchanged by them.
 */
class GoldenSeedReportsTest {
    static final Path SEED = Path.of("src/test/resources/seed-reports");
    static final ObjectMapper JSON = new ObjectMapper();
    static RuleBase rules;
    static Configuration config;
    static SeriesBuilder history;
    static Evaluator evaluator;

    @BeforeAll
    static void compileOnce() throws Exception {
        rules = RuleCompiler.compile(Path.of("rules"));
        config = ConfigLoader.loadForRules(SEED.resolve("config"));
        evaluator = new Evaluator(rules, config.catalogue(), config.areas());
        history = evaluator.history(TidyCsv.read(SEED.resolve("data.csv")));
    }

    /**
     * The golden set is CONTRACT.md section 5's: the board papers' sentences (papers.drl) and the signals (signals.drl,
     * SIGNALS.md) have scenarios of their own.
     */
    static boolean section5(String rule) {
        RuleSource source = rules.sources().get(rule);
        return source == null || !(source.file().endsWith("papers.drl") || source.file().endsWith("signals.drl"));
    }

    static String id(String rule, String metric, String areaType, String area, String month) {
        return month + " " + rule + " " + metric + " " + areaType + ":" + area;
    }

    static String id(PerformanceException e) {
        return id(e.rule(), e.metric(), e.areaType().id(), e.area(), e.month().toString());
    }

    static String id(JsonNode n) {
        return id(n.get("rule").asText(), n.get("metric").asText(), n.get("area_type").asText(), n.get("area").asText(),
                n.get("month").asText());
    }

    @Test
    void everyMonthGivesExactlyTheExpectedExceptions() throws Exception {
        JsonNode must = JSON.readTree(SEED.resolve("must.json").toFile());
        JsonNode expected = JSON.readTree(SEED.resolve("expected.json").toFile());
        Map<String, PerformanceException> actual = new TreeMap<>();
        for (JsonNode m : must.get("months")) {
            for (PerformanceException e : evaluator.evaluate(history, YearMonth.parse(m.asText())))
                if (section5(e.rule())) actual.put(id(e), e);
        }
        List<String> diff = new ArrayList<>();
        Set<String> expectedIds = new TreeSet<>();
        for (JsonNode x : expected) {
            String id = id(x);
            expectedIds.add(id);
            PerformanceException e = actual.get(id);
            if (e == null) { diff.add("MISSING " + id + " " + x.get("evidence")); continue; }
            if (!e.direction().id().equals(x.get("direction").asText()))
                diff.add("DIRECTION " + id + ": expected " + x.get("direction").asText() + ", got " + e.direction().id());
            compareEvidence(id, x.get("evidence"), e.evidence(), diff);
        }
        actual.forEach((id, e) -> { if (!expectedIds.contains(id)) diff.add("EXTRA " + id + " " + e.evidence()); });
        for (JsonNode x : must.get("must")) {
            PerformanceException e = actual.get(id(x));
            if (e == null) diff.add("MUST missing " + id(x));
            else compareEvidence("must " + id(x), x.get("evidence"), e.evidence(), diff);
        }
        for (JsonNode x : must.get("mustnot"))
            if (actual.containsKey(id(x))) diff.add("MUSTNOT present " + id(x));
        assertThat(diff).as(String.join("\n", diff)).isEmpty();
        assertThat(actual).hasSize(expected.size());
    }

    /** The same through the command line, as users (and the acceptance checks) run it: backtest JSON. */
    @Test
    void theBacktestJsonGivesExactlyTheExpectedExceptions() throws Exception {
        JsonNode must = JSON.readTree(SEED.resolve("must.json").toFile());
        JsonNode expected = JSON.readTree(SEED.resolve("expected.json").toFile());
        Set<String> months = new TreeSet<>();
        must.get("months").forEach(m -> months.add(m.asText()));
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        picocli.CommandLine cl = org.perfalert.cli.Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute("backtest", "--data", SEED.resolve("data.csv").toString(), "--config", SEED.resolve("config").toString(),
                "--from", ((TreeSet<String>) months).first(), "--to", ((TreeSet<String>) months).last());
        assertThat(exit).as(err.toString()).isZero();
        Map<String, JsonNode> actual = new TreeMap<>();
        for (JsonNode e : JSON.readTree(out.toString()))
            if (months.contains(e.get("month").asText()) && section5(e.get("rule").asText())) actual.put(id(e), e);
        List<String> diff = new ArrayList<>();
        for (JsonNode x : expected) {
            JsonNode e = actual.remove(id(x));
            if (e == null) { diff.add("MISSING " + id(x)); continue; }
            if (!e.get("direction").equals(x.get("direction"))) diff.add("DIRECTION " + id(x));
            x.get("evidence").fields().forEachRemaining(f -> {
                JsonNode got = e.get("evidence").get(f.getKey());
                boolean same = got != null && (f.getValue().isNumber() ? got.isNumber() && Math.abs(got.asDouble() - f.getValue().asDouble()) <= 1e-4
                        : f.getValue().equals(got));
                if (!same) diff.add("EVIDENCE " + id(x) + " " + f.getKey() + ": expected " + f.getValue() + ", got " + got);
            });
        }
        actual.keySet().forEach(id -> diff.add("EXTRA " + id));
        assertThat(diff).as(String.join("\n", diff)).isEmpty();
    }

    static void compareEvidence(String id, JsonNode expected, Map<String, Object> actual, List<String> diff) {
        expected.fields().forEachRemaining(f -> {
            String key = f.getKey();
            JsonNode want = f.getValue();
            if (!actual.containsKey(key)) { diff.add("EVIDENCE " + id + ": no key " + key); return; }
            Object got = actual.get(key);
            boolean same;
            if (want.isNull()) same = got == null;
            else if (want.isNumber()) same = got instanceof Number n && Math.abs(n.doubleValue() - want.asDouble()) <= 1e-4;
            else if (want.isArray()) same = got instanceof List<?> l && l.size() == want.size()
                    && sameNumbers(want, l);
            else same = got != null && got.toString().equals(want.asText());
            if (!same) diff.add("EVIDENCE " + id + ": " + key + " expected " + want + ", got " + got);
        });
    }

    private static boolean sameNumbers(JsonNode want, List<?> got) {
        for (int i = 0; i < got.size(); i++)
            if (!(got.get(i) instanceof Number n) || Math.abs(n.doubleValue() - want.get(i).asDouble()) > 1e-4) return false;
        return true;
    }
}
