package org.perfalert.service;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.*;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration and rule base in force, reloaded when rules/ or config/ change. A change is built
 * completely first; it replaces the running version only if it is sound. A broken version is logged
 * (FILE:LINE for each problem) and the analysts in people.yaml hear of it once per version (by content
 * hash, remembered in a file so a restart does not tell them again).
 *
 * @param <R> the compiled rule base
 */
public final class LiveRules<R> {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.reload");

    /** Compiles the rule folder against a configuration; a broken rule folder throws BrokenVersion. */
    public interface Builder<R> {
        R build(Configuration config, Path rulesDir) throws BrokenVersion;
    }

    /** Tells the analysts that a version is broken. */
    public interface AnalystAlarm {
        void brokenVersion(List<String> analysts, String hash, List<String> problems) throws Exception;
    }

    /** One sound version: its content hash, its configuration and the rule base built from it. */
    public record Version<R>(String hash, Configuration config, R rules) { }

    private final Path configDir;
    private final Path rulesDir;
    private final Builder<R> builder;
    private final AnalystAlarm alarm;
    private final Path toldFile;
    private final AtomicReference<Version<R>> running = new AtomicReference<>();
    private final Set<String> told = new HashSet<>();
    private String lastChecked;
    private List<String> lastProblems = List.of();

    private LiveRules(Path configDir, Path rulesDir, Builder<R> builder, AnalystAlarm alarm, Path toldFile) {
        this.configDir = configDir;
        this.rulesDir = rulesDir;
        this.builder = builder;
        this.alarm = alarm;
        this.toldFile = toldFile;
    }

    /**
     * Builds the first version; the service cannot start on broken rules or configuration, so this throws.
     * toldFile remembers which broken versions the analysts were told about (null: remember in memory only).
     */
    public static <R> LiveRules<R> start(Path configDir, Path rulesDir, Builder<R> builder, AnalystAlarm alarm,
                                         Path toldFile) throws BrokenVersion {
        LiveRules<R> live = new LiveRules<>(configDir, rulesDir, builder, alarm, toldFile);
        live.readTold();
        String hash = ContentHash.of(configDir, rulesDir);
        live.running.set(live.build(hash));
        live.lastChecked = hash;
        LOG.info("rules in force version={} rules={} config={}", hash, rulesDir, configDir);
        return live;
    }

    public Version<R> current() { return running.get(); }

    /** The problems of the last broken version looked at, empty when the last one looked at was sound. */
    public synchronized List<String> lastProblems() { return lastProblems; }

    /** Looks at the folders once: builds a changed version, swaps it in if sound, or reports it. */
    public synchronized ReloadOutcome check() {
        String hash = ContentHash.of(configDir, rulesDir);
        Version<R> now = running.get();
        if (!ReloadDecision.worthBuilding(now.hash(), lastChecked, hash)) {
            lastChecked = hash;
            if (hash.equals(now.hash())) lastProblems = List.of();
            return ReloadOutcome.UNCHANGED;
        }
        lastChecked = hash;
        Version<R> candidate = null;
        List<String> problems = List.of();
        try {
            candidate = build(hash);
        } catch (BrokenVersion e) {
            problems = e.problems();
        }
        switch (ReloadDecision.afterBuilding(candidate != null, told.contains(hash))) {
            case SWAP -> {
                running.set(candidate);
                lastProblems = List.of();
                LOG.info("rules reloaded version={} replaced={}", hash, now.hash());
                return ReloadOutcome.SWAPPED;
            }
            case KEEP_AND_TELL_ANALYSTS -> {
                lastProblems = problems;
                logBroken(hash, now, problems);
                tellAnalysts(hash, now, problems);
                return ReloadOutcome.KEPT_AND_TOLD;
            }
            default -> {
                lastProblems = problems;
                logBroken(hash, now, problems);
                return ReloadOutcome.KEPT;
            }
        }
    }

    /** What a check did. */
    public enum ReloadOutcome { UNCHANGED, SWAPPED, KEPT_AND_TOLD, KEPT }

    private Version<R> build(String hash) throws BrokenVersion {
        Configuration config;
        try {
            config = ConfigLoader.load(configDir);
        } catch (ConfigException e) {
            throw new BrokenVersion(e.problems());
        }
        return new Version<>(hash, config, builder.build(config, rulesDir));
    }

    private void logBroken(String hash, Version<R> kept, List<String> problems) {
        LOG.error("rules NOT reloaded version={} problems={} kept={}", hash, problems.size(), kept.hash());
        problems.forEach(p -> LOG.error("  {}", p));
    }

    private void tellAnalysts(String hash, Version<R> kept, List<String> problems) {
        // The analysts of the new configuration if it could be read, else those of the running one.
        List<String> analysts = analystsOf(kept);
        try {
            alarm.brokenVersion(analysts, hash, problems);
            told.add(hash);
            writeTold(hash);
            LOG.info("analysts told of broken version={} to={}", hash, analysts);
        } catch (Exception e) {
            // Not remembered as told: the next check builds this version again and retries.
            lastChecked = null;
            LOG.error("could not tell the analysts of broken version={}: {}", hash, e.toString());
        }
    }

    private List<String> analystsOf(Version<R> kept) {
        try {
            return ConfigLoader.load(configDir).people().analysts();
        } catch (ConfigException e) {
            return kept.config().people().analysts();
        }
    }

    private void readTold() {
        if (toldFile == null || !Files.exists(toldFile)) return;
        try {
            Files.readAllLines(toldFile, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).forEach(told::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTold(String hash) {
        if (toldFile == null) return;
        try {
            Files.createDirectories(toldFile.toAbsolutePath().getParent());
            Files.writeString(toldFile, hash + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("could not remember broken version {} in {}: {}", hash, toldFile, e.toString());
        }
    }
}
