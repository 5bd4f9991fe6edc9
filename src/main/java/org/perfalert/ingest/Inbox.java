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
 * <li>a file whose fate the store already holds ({@link InboxLedger}) is filed away as recorded, not loaded again
 *     (a crash came between the commit and the filing);</li>
 * <li>otherwise it is loaded whole or refused, and its fate recorded in the same transaction as its figures (and
 *     whatever else the caller records there: the months owed an evaluation);</li>
 * <li>only then is it moved to processed/ or rejected/ with its report (and its done-marker, if any, removed).</li>
 * </ol>
 */
public final class Inbox {
    /** What became of a dropped file. */
    public enum Outcome { LOADED, REJECTED, FILED_AS_RECORDED, GONE }

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

    /** marker names a file's done-marker (null: files have none). */
    public Inbox(Path dir, InboxLedger ledger, UnaryOperator<String> marker, Clock clock) {
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
        if (recorded.isPresent()) return fileAway(file, recorded.get().loaded(), recorded.get().report(), Outcome.FILED_AS_RECORDED, empty(), 0, 0);
        if (!file.regular()) {
            String report = notRegularReport(file);
            ledger.recordRefusal(file, report, runId, clock.instant());
            return fileAway(file, false, report, Outcome.REJECTED, empty(), 0, 1);
        }
        FileResult result;
        try {
            result = loader.load(path, (c, stored) -> {
                ledger.record(c, file, true, stored.report().render(), runId, clock.instant());
                alsoWhenStored.in(c, stored);
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) throw e;
            // decided meanwhile by someone else (another instance): file it as they recorded it
            return ledger.fate(file).map(f -> fileAwayUnchecked(file, f.loaded(), f.report())).orElseThrow(() -> e);
        }
        if (!result.loaded()) ledger.recordRefusal(file, result.report().render(), runId, clock.instant());
        Crashpoints.reach("inbox.after-commit");
        return fileAway(file, result.loaded(), result.report().render(), result.loaded() ? Outcome.LOADED : Outcome.REJECTED,
                result.touchedMonths(), result.parsed().observations().size(), result.problems().size());
    }

    private Taken fileAway(InboxFile file, boolean loaded, String report, Outcome outcome, SortedSet<YearMonth> months,
                           int observations, int problems) throws IOException {
        Path filed = filer.file(file.path(), loaded, report);
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

    private Taken fileAwayUnchecked(InboxFile file, boolean loaded, String report) {
        try {
            return fileAway(file, loaded, report, Outcome.FILED_AS_RECORDED, empty(), 0, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The report of an entry that is not a plain file: says what it is, never where a link points. */
    static String notRegularReport(InboxFile f) {
        return FileNames.shown(f.name()) + ": REFUSED, nothing of it was read or stored (1 problem)" + System.lineSeparator()
                + "  it is " + f.notRegular() + "; the inbox takes plain files only: put the file itself in the inbox"
                + " (not a link to it, a folder or a pipe)" + System.lineSeparator();
    }

    private static SortedSet<YearMonth> empty() { return Collections.unmodifiableSortedSet(new TreeSet<>()); }
}
