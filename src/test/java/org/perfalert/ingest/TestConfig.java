package org.perfalert.ingest;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The repository's default configuration and sample data, for tests. */
public final class TestConfig {
    private TestConfig() { }

    public static Path repo() { return Path.of(System.getProperty("perfalert.repo", ".")); }

    public static Path streetFiles() { return repo().resolve("samples/policeuk/street"); }

    public static Configuration config() {
        try {
            return ConfigLoader.load(repo().resolve("config"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixed clock: "now" is mid-June 2026, so 2026-07 is the first month in the future. */
    public static Clock clock() { return Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC); }
}
