package org.perfalert.rules;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The compiled-rules cache: the same rules as a compile, used only for the exact folder, never when damaged. */
class RuleCacheTest {
    static final Path SEED = Path.of("src/test/resources/seed-reports");
    @TempDir Path work;
    Path rules, cacheDir;
    RuleCache cache;

    @BeforeEach
    void copyTheStandardPack() throws IOException {
        rules = work.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, rules.resolve(p.getFileName()));
        }
        cacheDir = work.resolve("cache");
        cache = new RuleCache(cacheDir);
    }

    List<Path> entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) return List.of();
        try (Stream<Path> s = Files.list(cacheDir)) { return s.sorted().toList(); }
    }

    @Test
    void rulesFromTheCacheFindExactlyWhatTheCompiledRulesFind() throws Exception {
        RuleBase compiled = cache.compiled(rules);
        RuleBase cached = cache.compiled(rules);
        assertThat(cache.compiles()).isEqualTo(1);
        assertThat(entries()).hasSize(1);
        assertThat(cached.kieBase()).isNotSameAs(compiled.kieBase());
        assertThat(cached.ruleIds()).isEqualTo(compiled.ruleIds()).isEqualTo(RuleCompiler.compile(rules).ruleIds());
        assertThat(cached.sources()).isNotEmpty().isEqualTo(compiled.sources());

        Configuration config = ConfigLoader.loadForRules(SEED.resolve("config"));
        List<PerformanceException> fromCompile = new ArrayList<>(), fromCache = new ArrayList<>();
        Evaluator a = new Evaluator(compiled, config.catalogue(), config.areas()), b = new Evaluator(cached, config.catalogue(), config.areas());
        SeriesBuilder history = a.history(TidyCsv.read(SEED.resolve("data.csv")));
        for (YearMonth m = YearMonth.of(2018, 1); !m.isAfter(history.latestMonth().orElseThrow()); m = m.plusMonths(1)) {
            fromCompile.addAll(a.evaluate(history, m));
            fromCache.addAll(b.evaluate(history, m));
        }
        assertThat(fromCompile).hasSizeGreaterThan(50);
        assertThat(fromCache).isEqualTo(fromCompile);
    }

    @Test
    void anEditedRuleFileANewFileOrChangedSettingsAreCompiledAgain() throws Exception {
        cache.compiled(rules);
        Files.writeString(rules.resolve("zz-extra.drl"), """
                package perfalert.extra
                import org.perfalert.rules.Series
                rule "extra-rule"
                when
                    $s : Series( counted )
                then
                end
                """);
        assertThat(cache.compiled(rules).ruleIds()).contains("extra-rule");
        String settings = Files.readString(rules.resolve("settings.properties"));
        Files.writeString(rules.resolve("settings.properties"), settings + "\n# an analyst's note\n");
        RuleBase afterSettings = cache.compiled(rules);
        assertThat(cache.compiles()).isEqualTo(3);
        assertThat(afterSettings.ruleIds()).contains("extra-rule");
        Files.delete(rules.resolve("zz-extra.drl"));
        Files.writeString(rules.resolve("settings.properties"), settings);
        assertThat(cache.compiled(rules).ruleIds()).doesNotContain("extra-rule");
        assertThat(cache.compiles()).isEqualTo(3); // the first folder again: still in the cache
        assertThat(entries()).hasSize(3);
    }

    @Test
    void aDamagedEntryIsNotUsedAndIsReplaced() throws Exception {
        List<String> ids = cache.compiled(rules).ruleIds();
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        for (byte[] bad : List.of(java.util.Arrays.copyOf(good, good.length / 2), flipped(good, good.length - 100), flipped(good, 40))) {
            Files.write(entry, bad);
            int before = cache.compiles();
            assertThat(cache.compiled(rules).ruleIds()).isEqualTo(ids);
            assertThat(cache.compiles()).isEqualTo(before + 1);
            assertThat(cache.compiled(rules).ruleIds()).isEqualTo(ids); // the entry written again is used
            assertThat(cache.compiles()).isEqualTo(before + 1);
        }
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x55;
        return copy;
    }

    @Test
    void rulesThatDoNotCompileGiveTheCompilesProblemsAndStoreNothing() throws Exception {
        Files.writeString(rules.resolve("broken.drl"), "package perfalert.broken\nrule \"x\" when then\n");
        List<String> viaCache = catchThrowableOfType(RuleProblems.class, () -> cache.compiled(rules)).problems();
        List<String> viaCompile = catchThrowableOfType(RuleProblems.class, () -> RuleCompiler.compile(rules)).problems();
        assertThat(viaCache).isNotEmpty().isEqualTo(viaCompile);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenIsLeftAlone() throws Exception {
        Files.writeString(work.resolve("a-file"), "not a folder");
        RuleCache unwritable = new RuleCache(work.resolve("a-file").resolve("cache"));
        List<String> ids = unwritable.compiled(rules).ruleIds();
        assertThat(ids).isNotEmpty();
        assertThat(unwritable.compiled(rules).ruleIds()).isEqualTo(ids);
        assertThat(unwritable.compiles()).isEqualTo(2);
    }

    @Test
    void onlyTheNewestEntriesAreKept() throws Exception {
        Files.createDirectories(cacheDir);
        for (int i = 0; i < 20; i++) {
            Path old = cacheDir.resolve("old-" + i + ".rules");
            Files.writeString(old, "stale");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.compiled(rules);
        List<String> names = entries().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).hasSize(16).doesNotContain("old-0.rules", "old-4.rules").contains("old-5.rules", "old-19.rules");
    }

    @Test
    void theEntryMadeAtPackagingServesExactlyTheFolderItWasMadeFrom() throws Exception {
        Path out = work.resolve("classes/perfalert/standard-rules.compiled");
        assertThat(RuleCache.bundle(rules, out)).startsWith("compiled " + RuleCompiler.compile(rules).ruleIds().size() + " rules");
        RuleFolder folder = RuleFolder.read(rules);
        RuleBase bundled = CompiledEntry.read(Files.newInputStream(out), RuleCache.key(folder, RuleCache.BUNDLED_BUILD), folder);
        assertThat(bundled).isNotNull();
        assertThat(bundled.ruleIds()).isEqualTo(RuleCompiler.compile(rules).ruleIds());
        Files.writeString(rules.resolve("thresholds.drl"), Files.readString(rules.resolve("thresholds.drl")) + "\n// edited\n");
        RuleFolder edited = RuleFolder.read(rules);
        assertThat(CompiledEntry.read(Files.newInputStream(out), RuleCache.key(edited, RuleCache.BUNDLED_BUILD), edited)).isNull();
        Files.writeString(rules.resolve("broken.drl"), "rule \"x\" when then\n");
        assertThat(RuleCache.bundle(rules, out)).startsWith("warning: ").contains("broken.drl:2:");
        assertThat(out).doesNotExist();
    }

    @Test
    void theSettingNamesTheFolderNoneTurnsItOff() {
        assertThat(RuleCache.of("none", Map.of())).isEmpty();
        assertThat(RuleCache.of(" NONE ", Map.of())).isEmpty();
        assertThat(RuleCache.of("/tmp/x", Map.of()).orElseThrow().dir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(RuleCache.of("", Map.of("XDG_CACHE_HOME", "/var/cache/me")).orElseThrow().dir()).isEqualTo(Path.of("/var/cache/me/perfalert/rules"));
        assertThat(RuleCache.of("", Map.of("XDG_CACHE_HOME", "relative")).orElseThrow().dir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "perfalert", "rules"));
        assertThat(RuleCache.of(null, Map.of()).orElseThrow().dir()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "perfalert", "rules"));
    }
}
