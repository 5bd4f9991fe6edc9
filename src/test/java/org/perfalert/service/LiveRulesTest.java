package org.perfalert.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.Level;
import org.perfalert.fixtures.LogCapture;
import org.perfalert.service.LiveRules.ReloadOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Validate-then-swap over real folders. The "rule base" here is the text of rules/rule.txt, and a
 * line reading "broken" is a compile error at that line: enough to exercise swapping, keeping and
 * telling the analysts once per version, also across a restart.
 */
class LiveRulesTest {
    @TempDir Path tmp;
    Path config, rules, told;
    final List<String> alarms = new ArrayList<>();

    final LiveRules.Builder<String> compiler = (cfg, dir) -> {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("rule.txt"));
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++)
                if (lines.get(i).equals("broken")) problems.add(dir.resolve("rule.txt") + ":" + (i + 1) + ": broken");
            if (!problems.isEmpty()) throw new BrokenVersion(problems);
            return String.join("\n", lines);
        } catch (java.io.IOException e) {
            throw new BrokenVersion(List.of(dir + ":1: " + e.getMessage()));
        }
    };
    final LiveRules.AnalystAlarm alarm = (analysts, hash, problems) -> alarms.add(analysts + " " + hash + " " + problems);

    @BeforeEach
    void folders() throws Exception {
        config = copyTree(Path.of("config"), tmp.resolve("config"));
        rules = Files.createDirectories(tmp.resolve("rules"));
        told = tmp.resolve("state/told.txt");
        Files.writeString(rules.resolve("rule.txt"), "one\n");
    }

    @Test
    void aSoundChangeIsSwappedIn() throws Exception {
        LiveRules<String> live = LiveRules.start(config, rules, compiler, alarm, told);
        assertThat(live.check()).isEqualTo(ReloadOutcome.UNCHANGED);

        Files.writeString(rules.resolve("rule.txt"), "two\n");
        assertThat(live.check()).isEqualTo(ReloadOutcome.SWAPPED);
        assertThat(live.current().rules()).isEqualTo("two");
        assertThat(alarms).isEmpty();
    }

    @Test
    void aBrokenChangeKeepsTheRunningVersionAndTellsTheAnalystsOncePerVersion() throws Exception {
        LiveRules<String> live = LiveRules.start(config, rules, compiler, alarm, told);

        Files.writeString(rules.resolve("rule.txt"), "one\nbroken\n");
        try (LogCapture log = LogCapture.of("perfalert.reload")) {
            assertThat(live.check()).isEqualTo(ReloadOutcome.KEPT_AND_TOLD);
            assertThat(log.at(Level.ERROR)).containsExactly(
                    "rules NOT reloaded version=" + ContentHash.of(config, rules) + " problems=1 kept=" + live.current().hash(),
                    "  " + rules.resolve("rule.txt") + ":2: broken");
        }
        assertThat(live.check()).isEqualTo(ReloadOutcome.UNCHANGED);   // the same broken version: not built again
        assertThat(live.current().rules()).isEqualTo("one");
        assertThat(live.lastProblems()).containsExactly(rules.resolve("rule.txt") + ":2: broken");
        assertThat(alarms).hasSize(1).first().asString().contains("analysts@example.org");

        // a restart on the same broken files: the analysts were told already
        LiveRules<String> restarted = startedWith("one\n");
        Files.writeString(rules.resolve("rule.txt"), "one\nbroken\n");
        assertThat(restarted.check()).isEqualTo(ReloadOutcome.KEPT);
        assertThat(alarms).hasSize(1);

        // another broken version is news; then the fix is swapped in and clears the problems
        Files.writeString(rules.resolve("rule.txt"), "broken\n");
        assertThat(restarted.check()).isEqualTo(ReloadOutcome.KEPT_AND_TOLD);
        Files.writeString(rules.resolve("rule.txt"), "three\n");
        assertThat(restarted.check()).isEqualTo(ReloadOutcome.SWAPPED);
        assertThat(restarted.current().rules()).isEqualTo("three");
        assertThat(restarted.lastProblems()).isEmpty();
        assertThat(alarms).hasSize(2);
    }

    @Test
    void aBrokenConfigurationIsKeptOutWithItsProblems() throws Exception {
        LiveRules<String> live = LiveRules.start(config, rules, compiler, alarm, told);
        Files.writeString(config.resolve("areas.yaml"), "areas: {}\n");
        try (LogCapture log = LogCapture.of("perfalert.reload")) {
            assertThat(live.check()).isEqualTo(ReloadOutcome.KEPT_AND_TOLD);
            assertThat(log.at(Level.ERROR)).anySatisfy(l -> assertThat(l).startsWith("rules NOT reloaded"))
                    .anySatisfy(l -> assertThat(l).contains("areas.yaml").contains("force"));
        }
        assertThat(live.lastProblems()).anySatisfy(p -> assertThat(p).contains("areas.yaml").contains("force"));
        assertThat(live.current().config().areas().force()).isEqualTo("Cambridgeshire");
    }

    @Test
    void theServiceDoesNotStartOnABrokenFirstVersion() throws Exception {
        Files.writeString(rules.resolve("rule.txt"), "broken\n");
        assertThatThrownBy(() -> LiveRules.start(config, rules, compiler, alarm, told))
                .isInstanceOf(BrokenVersion.class).hasMessageContaining("rule.txt:1: broken");
    }

    private LiveRules<String> startedWith(String rule) throws Exception {
        Files.writeString(rules.resolve("rule.txt"), rule);
        return LiveRules.start(config, rules, compiler, alarm, told);
    }

    static Path copyTree(Path from, Path to) throws java.io.IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
