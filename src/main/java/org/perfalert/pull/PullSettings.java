package org.perfalert.pull;

import org.perfalert.config.Settings;

import java.nio.file.Path;

/**
 * The pull stage's settings: pull.dir (staging files and the sources' state), pull.failures.before.email (failures in
 * a row before the analysts hear) and pull.tick.ms (how often the routes look for due sources). Defaults:
 * {@link Settings#DEFAULTS}.
 */
public record PullSettings(Path dir, int failuresBeforeEmail, long tickMs) {

    public static PullSettings from(Settings s) {
        return new PullSettings(s.getPath("pull.dir"), s.getInt("pull.failures.before.email"), s.getLong("pull.tick.ms"));
    }
}
