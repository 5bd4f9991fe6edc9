package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.rules.scenario.Expectation;
import org.perfalert.rules.scenario.Scenario;
import org.perfalert.rules.scenario.ScenarioFolder;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** rules test: the shipped scenarios pass; a wrong one fails with the difference; a broken file names FILE:LINE. */
class RulesTestCommandTest {
    /** Every rule id of CONTRACT.md section 5. */
    static final List<String> STANDARD_RULES = List.of("twelve-month-high", "twelve-month-low", "same-month-high",
            "same-month-low", "same-month-streak-high", "same-month-streak-low", "threshold-above", "threshold-below",
            "rolling-rise-streak", "rolling-fall-streak", "only-district-increase", "only-district-decrease",
            "above-average-1yr", "below-average-1yr", "above-average-3yr", "below-average-3yr", "above-benchmark",
            "below-benchmark", "spc-outside-limits", "spc-shift", "spc-trend", "spc-two-of-three");

    @TempDir Path dir;

    record Run(int exit, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theShippedScenariosPassThroughMainExecute() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.execute("rules", "test");
        } finally {
            System.setOut(before);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        List<Scenario> shipped = ScenarioFolder.read(Path.of("rules"), () -> ConfigLoader.loadForRules(Path.of("config"))).scenarios();
        long passedLines = out.lines().filter(l -> l.startsWith("PASSED  ")).count();
        assertThat(passedLines).isEqualTo(shipped.size());
        assertThat(out).doesNotContain("FAILED").contains(shipped.size() + " passed, 0 failed");
    }

    @Test
    void everyStandardRuleHasAScenarioThatExpectsItAndOneThatExpectsItNotToFire() throws Exception {
        ScenarioFolder.Contents contents = ScenarioFolder.read(Path.of("rules"), () -> ConfigLoader.loadForRules(Path.of("config")));
        assertThat(contents.broken()).isEmpty();
        Set<String> expected = new TreeSet<>(), notExpected = new TreeSet<>();
        for (Scenario s : contents.scenarios()) {
            s.expected().forEach(e -> expected.add(e.rule()));
            s.notExpected().forEach(e -> notExpected.add(e.rule()));
        }
        assertThat(expected).containsAll(STANDARD_RULES);
        assertThat(notExpected).as("near misses").hasSizeGreaterThanOrEqualTo(12);
        // each standard rule has a scenario that explains its arithmetic and checks its direction and evidence beyond "value"
        Set<String> checkedInFull = new TreeSet<>();
        for (Scenario s : contents.scenarios())
            for (Expectation e : s.expected())
                if (!s.description().isBlank() && e.direction() != null && e.evidence().containsKey("value") && e.evidence().size() > 1)
                    checkedInFull.add(e.rule());
        assertThat(checkedInFull).containsAll(STANDARD_RULES);
    }

    /** A copy of the rule folder with its scenarios, to break. */
    private Path copyOfRules() throws IOException {
        Path rules = dir.resolve("rules");
        try (Stream<Path> all = Files.walk(Path.of("rules"))) {
            for (Path p : all.toList()) {
                Path target = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return rules;
    }

    @Test
    void aWrongScenarioFailsWithTheDifferencesAndABrokenFileWithItsLine() throws Exception {
        Path rules = copyOfRules();
        Path file = rules.resolve("tests/twelve-month.yaml");
        String text = Files.readString(file);
        // the first scenario: a wrong evidence value, a wrong direction and a forbidden exception that does fire
        text = text.replaceFirst("evidence: \\{ value: 60, previous_max: 55, since: 2023-03 }",
                "evidence: { value: 60, previous_max: 54, since: 2023-03 }");
        text = text.replaceFirst("direction: concern", "direction: improvement");
        text = text.replaceFirst("not_expected:\n  - rule: twelve-month-low", "not_expected:\n  - rule: twelve-month-high");
        // the tie near miss now expects the rule to fire
        text = text.replace("    values: [50, 52, 48, 55, 51, 49, 53, 47, 50, 54, 52, 55]\nnot_expected:",
                "    values: [50, 52, 48, 55, 51, 49, 53, 47, 50, 54, 52, 55]\nexpect:");
        Files.writeString(file, text);
        // a changed setting: the SPC scenarios' hand-computed limits no longer hold
        Path settings = rules.resolve("settings.properties");
        Files.writeString(settings, Files.readString(settings).replace("spc.sigma = 2.66", "spc.sigma = 3"));
        Files.writeString(rules.resolve("tests/broken.yaml"), """
                name: broken
                observations:
                  - metric: crimes
                    from: 2025-01
                     values: [1, 2]
                """);
        Files.writeString(rules.resolve("tests/misspelt.yaml"), """
                name: misspelt
                config: config
                observations:
                  - { metric: crimes, from: 2025-01, values: [1, 2] }
                expect:
                  - rule: twelve-month-high
                    evidnce: { value: 2 }
                """);

        Run r = run("rules", "test", "--rules", rules.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        String out = r.out();
        assertThat(out).contains("FAILED  twelve-month-high since an earlier month  (" + file + ":1)");
        assertThat(out).contains("twelve-month-high crimes Testshire: direction: expected improvement, got concern");
        assertThat(out).contains("twelve-month-high crimes Testshire: evidence previous_max: expected 54, got 55");
        assertThat(out).contains("unexpected: twelve-month-high crimes Testshire in 2025-01 (declared not expected at " + file + ":");
        assertThat(out).contains("FAILED  twelve-month-high near miss, a tie");
        assertThat(out).contains("missing: twelve-month-high (any metric) (any area) in 2025-01");
        // the other scenarios of the file still pass
        assertThat(out).contains("PASSED  twelve-month-high on record").contains("PASSED  twelve-month-low since an earlier month");
        // broken files: FILE:LINE:COLUMN
        assertThat(out).contains("FAILED  " + rules.resolve("tests/broken.yaml") + ":5:");
        assertThat(out).contains("FAILED  " + rules.resolve("tests/misspelt.yaml") + ":7:14: unknown key \"evidnce\"");
        assertThat(out).contains("spc-outside-limits crimes (any area): evidence upper: expected 56.987, got 57.666667");
        assertThat(out).contains("missing: spc-two-of-three crimes (any area) in 2025-01");
        assertThat(out).contains("PASSED  spc-shift, seven months above the mean"); // the mean does not depend on sigma
        assertThat(out).containsPattern("\\d+ passed, \\d+ failed \\(2 broken scenario file\\(s\\)\\)");
    }

    @Test
    void aMalformedScenarioFileAloneGivesItsLineAndExit1() throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("tests"));
        Files.writeString(rules.resolve("tests/bad.yaml"), "name: bad\nobservations: [\n  { metric: crimes\n");
        Run r = run("rules", "test", "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("FAILED  " + java.util.regex.Pattern.quote(rules.resolve("tests/bad.yaml").toString())
                + ":\\d+:\\d+: not valid YAML");
    }

    @Test
    void badUsage() throws Exception {
        assertThat(run("rules", "test", "no-such-scenario").exit()).isEqualTo(2);
        assertThat(run("rules", "test", "--no-such-option").exit()).isEqualTo(2);
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Run r = run("rules", "test", "--rules", empty.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no scenario folder");
    }
}
