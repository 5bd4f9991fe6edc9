package org.perfalert.notify;

import org.perfalert.config.Settings;

import java.time.Duration;

/**
 * How long to wait before retrying a failed email: first, 2×first, 4×first … capped at max; after maxAttempts
 * failed attempts the email is marked failed (it stays in the outbox, visible). A pure function.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 20);

    /** Reads mail.retry.first.seconds, mail.retry.max.seconds and mail.retry.attempts. */
    public static Backoff from(Settings s) {
        return new Backoff(Duration.ofSeconds(s.getLong("mail.retry.first.seconds")),
                Duration.ofSeconds(s.getLong("mail.retry.max.seconds")), s.getInt("mail.retry.attempts"));
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration delayAfter(int failedAttempts) {
        Duration d = first;
        for (int i = 1; i < failedAttempts && d.compareTo(max) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(max) > 0 ? max : d;
    }

    public boolean giveUp(int failedAttempts) { return failedAttempts >= maxAttempts; }
}
