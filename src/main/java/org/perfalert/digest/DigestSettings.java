package org.perfalert.digest;

import org.perfalert.config.Settings;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The digest's settings: digest.dir (the archive), digest.zone (weeks and the schedule's time zone), digest.top
 * (lines per theme above the appendix) and digest.cron (when the service sends it). Defaults: {@link Settings#DEFAULTS}.
 */
public record DigestSettings(Path dir, ZoneId zone, int top, String cron) {

    /** The settings in force; a clear error naming the setting that is wrong. */
    public static DigestSettings from(Settings s) {
        String z = s.get("digest.zone").trim();
        ZoneId zone;
        try { zone = ZoneId.of(z); }
        catch (RuntimeException e) { throw new IllegalArgumentException("digest.zone \"" + z + "\" is not a time zone (e.g. Europe/London)"); }
        return new DigestSettings(s.getPath("digest.dir"), zone, s.getInt("digest.top"), s.get("digest.cron").trim());
    }
}
