package org.perfalert.service;

import org.perfalert.ingest.FileNames;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the service knows of itself beyond Camel's route checks, for the health checks of {@link ServiceHealth}: how the
 * last load and the last evaluation went, and how long files have been waiting in the inbox (since their time stamp,
 * or since the service started when that is later).
 */
final class Health {
    /** UP, DEGRADED (working, but someone should look) or DOWN (a job cannot do its work), with the reason. */
    enum State { UP, DEGRADED, DOWN }

    record Verdict(State state, String reason) {
        static final Verdict UP = new Verdict(State.UP, "");
    }

    /** A job's last failure: when and why. */
    record Failure(Instant at, String error) { }

    /** The inbox's waiting files: how many, and the one waiting longest. */
    record Waiting(int count, int overdue, String oldest, Duration oldestWait) { }

    private final Clock clock;
    private final Instant started;
    private volatile Failure ingest;
    private volatile Failure evaluation;

    Health(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    void ingestWorked() { ingest = null; }

    void ingestFailed(Throwable e) { ingest = new Failure(clock.instant(), message(e)); }

    void evaluationWorked() { evaluation = null; }

    void evaluationFailed(Throwable e) { evaluation = new Failure(clock.instant(), message(e)); }

    Failure ingestFailure() { return ingest; }

    Failure evaluationFailure() { return evaluation; }

    /** The entries waiting in the inbox (hidden ones, done-markers and the processed/ and rejected/ folders aside). */
    Waiting waiting(Path inbox, Duration maxWait) throws IOException {
        Instant now = clock.instant();
        int count = 0;
        String oldest = null;
        Duration longest = Duration.ZERO;
        int overdue = 0;
        if (Files.isDirectory(inbox)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") || name.endsWith(".done") || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                    count++;
                    Instant since = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
                    Duration wait = Duration.between(since.isAfter(started) ? since : started, now);
                    if (wait.compareTo(maxWait) > 0) overdue++;
                    if (oldest == null || wait.compareTo(longest) > 0) {
                        oldest = name;
                        longest = wait;
                    }
                }
            }
        }
        return new Waiting(count, overdue, oldest == null ? null : FileNames.shown(oldest), longest);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
