package org.perfalert.ingest;

import org.perfalert.store.Crashpoints;
import org.perfalert.store.StoreException;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * How a file dropped in the inbox is taken, so that a crash at any point loses nothing and loads nothing twice:
 * <ol>
 * <li>the entry is looked at without being read: anything but a plain file (a link, a pipe) is refused unread;</li>
 * <li>the file is claimed in the store by this instance (several may share the inbox): a file another instance holds
 *     is left to it, unless its claim ran out (that instance died);</li>
 * <li>a file whose fate the store already holds ({@link InboxLedger}) is filed away as recorded, not loaded again
 *     (a crash came between the commit and the filing);</li>
 * <li>otherwise it is loaded whole or refused, and its fate recorded in the same transaction as its figures (and
 *     whatever else the caller records there: the months owed an evaluation);</li>
 * <li>only then is it moved to processed/ or rejected/ with its report (and its done-marker, if any, removed).</li>
 * </ol>
 */
public final class Inbox {
    /** What became of a dropped file. */
    public enum Outcome { LOADED, REJECTED, FILED_AS_RECORDED, GONE, CLAIMED_ELSEWHERE }

    /** Who this instance is, and how long its claim on a file lasts (longer than the largest file takes to load). */
    public record Claims(String owner, java.time.Duration lease, boolean shared) {
        /** One process on the store (H2): no other instance can be filing a file. */
        public static Claims single() { return new Claims("inbox-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                java.time.Duration.ofSeconds(120), false); }

        /**
         * Whether this instance files away a file another decided: always in one process; on a shared store only its
         * own, or once the decider had a lease's time to file it (it died in between), so two never race to file one.
         */
        boolean filesDecided(InboxLedger.Fate fate, java.time.Instant now) {
            return !shared || owner.equals(fate.decidedBy()) || fate.decidedAt().plus(lease).isBefore(now);
        }
    }

    /**
     * One taken file: what became of it, where it went, the months its figures changed (empty unless LOADED), how many
     * observations and problems it had (0 when it was not read now).
     */
    public record Taken(String name, Outcome outcome, boolean loaded, Path filedAs, SortedSet<YearMonth> months,
                        int observations, int problems) { }

    private final Path dir;
    private final InboxLedger ledger;
    private final InboxFiler filer;
    private final UnaryOperator<String> marker;
    private final Clock clock;
    private final Claims claims;

    /** marker names a file's done-marker (null: files have none). */
    public Inbox(Path dir, InboxLedger ledger, UnaryOperator<String> marker, Clock clock) {
        this(dir, ledger, marker, clock, Claims.single());
    }

    public Inbox(Path dir, InboxLedger ledger, UnaryOperator<String> marker, Clock clock, Claims claims) {
        this.claims = claims;
        this.dir = dir;
        this.ledger = ledger;
        this.filer = new InboxFiler(dir);
        this.marker = marker;
        this.clock = clock;
    }

    public Path dir() { return dir; }

    /** Takes one file; a store failure throws StoreException and leaves the file where it is, to be taken again. */
    public Taken take(Path path, FileLoader loader, FileLoader.AlsoRecord alsoWhenStored, String runId) throws IOException {
        InboxFile file;
        try {
            file = InboxFile.at(path);
        } catch (NoSuchFileException gone) {
            return new Taken(path.getFileName().toString(), Outcome.GONE, false, null, empty(), 0, 0);
        }
        var recorded = ledger.fate(file);
        if (recorded.isPresent()) {
            if (!claims.filesDecided(recorded.get(), clock.instant())) return new Taken(file.name(), Outcome.CLAIMED_ELSEWHERE, false, null, empty(), 0, 0);
            return fileAway(file, recorded.get().loaded(), recorded.get().report(), Outcome.FILED_AS_RECORDED, empty(), 0, 0);
        }
        if (!ledger.claim(file, claims.owner(), clock.instant(), clock.instant().plus(claims.lease()))) {
            // another instance holds it, or decided it just now: it files it (or, if it dies, its claim runs out)
            return new Taken(file.name(), Outcome.CLAIMED_ELSEWHERE, false, null, empty(), 0, 0);
        }
        Crashpoints.reach("inbox.after-claim");
        if (!file.regular()) {
            String report = notRegularReport(file);
            ledger.recordRefusal(file, report, runId, claims.owner(), clock.instant());
            return fileAway(file, false, report, Outcome.REJECTED, empty(), 0, 1);
        }
        FileResult result;
        try {
            result = loader.load(path, (c, stored) -> {
                alsoWhenStored.in(c, stored);
                ledger.record(c, file, true, stored.report().render(), runId, claims.owner(), clock.instant());
            });
        } catch (InboxLedger.ClaimLost e) {
            return new Taken(file.name(), Outcome.CLAIMED_ELSEWHERE, false, null, empty(), 0, 0);
        }
        if (!result.loaded()) {
            try {
                ledger.recordRefusal(file, result.report().render(), runId, claims.owner(), clock.instant());
            } catch (InboxLedger.ClaimLost e) {
                return new Taken(file.name(), Outcome.CLAIMED_ELSEWHERE, false, null, empty(), 0, 0);
            }
        }
        Crashpoints.reach("inbox.after-commit");
        return fileAway(file, result.loaded(), result.report().render(), result.loaded() ? Outcome.LOADED : Outcome.REJECTED,
                result.touchedMonths(), result.parsed().observations().size(), result.problems().size());
    }

    private Taken fileAway(InboxFile file, boolean loaded, String report, Outcome outcome, SortedSet<YearMonth> months,
                           int observations, int problems) throws IOException {
        Path filed;
        try {
            filed = filer.file(file.path(), loaded, report);
        } catch (NoSuchFileException filedMeanwhile) {
            // another instance filed it as recorded between our look and our move: it is where it belongs
            if (outcome != Outcome.FILED_AS_RECORDED) throw filedMeanwhile;
            return new Taken(file.name(), Outcome.GONE, loaded, null, months, observations, problems);
        }
        if (marker != null) {
            try {
                Files.deleteIfExists(dir.resolve(marker.apply(file.name())));
            } catch (IOException e) {
                LoggerFactory.getLogger("perfalert.ingest").warn("done-marker not removed file={} error=\"{}\"",
                        FileNames.shown(file.name()), e.getMessage());
            }
        }
        return new Taken(file.name(), outcome, loaded, filed, months, observations, problems);
    }

    /** The report of an entry that is not a plain file: says what it is, never where a link points. */
    static String notRegularReport(InboxFile f) {
        return FileNames.shown(f.name()) + ": REFUSED, nothing of it was read or stored (1 problem)" + System.lineSeparator()
                + "  it is " + f.notRegular() + "; the inbox takes plain files only: put the file itself in the inbox"
                + " (not a link to it, a folder or a pipe)" + System.lineSeparator();
    }

    private static SortedSet<YearMonth> empty() { return Collections.unmodifiableSortedSet(new TreeSet<>()); }
}
