package org.perfalert.digest;

import org.perfalert.config.Configuration;
import org.perfalert.notify.*;
import org.perfalert.store.StoreException;
import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.*;
import java.util.function.Supplier;

/**
 * Builds a week's digest, archives it under digest.dir and queues it once for the recipients in people.yaml
 * (digest.to) through the outbox, then sends what is due. The digest_sent row is written in the same transaction
 * as the outbox rows, so a week is queued at most once; running the week again only replaces the archived copy.
 * {@link #weekly()} is what the service's schedule calls (the last complete week).
 */
public final class WeeklyDigest {
    private final DataSource ds;
    private final Configuration config;
    private final DigestBuilder builder;
    private final Supplier<BoardSource> board;
    private final DigestRenderer renderer;
    private final DigestArchive archive;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final DigestLog log;
    private final Clock clock;
    private final ZoneId zone;
    private final Mailer mailer;

    /**
     * board is asked for the figures at each run (so a long-running service sees new data); sender may be null: the
     * emails then wait in the outbox for the service's sender.
     */
    public WeeklyDigest(DataSource ds, Configuration config, Supplier<BoardSource> board, Clock clock, OutboxSender sender) {
        this.board = board;
        this.ds = ds;
        this.config = config;
        this.clock = clock;
        this.sender = sender;
        DigestSettings settings = DigestSettings.from(config.settings());
        this.zone = settings.zone();
        this.builder = new DigestBuilder(config, new DigestReader(ds), settings.top());
        this.renderer = new DigestRenderer(config.dir() == null ? null : config.dir().resolve("templates"));
        this.archive = new DigestArchive(settings.dir());
        this.outbox = new Outbox(ds);
        this.log = new DigestLog(ds);
        this.mailer = Mailer.of(config);
    }

    /** What one run did. */
    public record Outcome(DigestWeek week, Path archived, boolean replaced, List<String> queuedTo, Instant sentBefore,
                          int sentNow, Digest digest) {
        public String message() {
            StringBuilder s = new StringBuilder("digest " + week + ": archived at " + archived
                    + (replaced ? " (replaced the earlier copy)" : ""));
            if (sentBefore != null) s.append("; already sent on ").append(sentBefore).append(", not sent again");
            else if (queuedTo.isEmpty()) s.append("; no recipients (people.yaml digest.to), so not sent");
            else s.append("; queued for ").append(String.join(", ", queuedTo)).append(", ").append(sentNow).append(" email(s) sent now");
            return s.append("; ").append(digest.shownLines()).append(" series shown of ").append(digest.raised())
                    .append(" exceptions held").toString();
        }
    }

    /** The scheduled run: the last complete ISO week in digest.zone. */
    public String weekly() throws IOException { return deliver(lastCompleteWeek()).message(); }

    /** The week in progress, sent and archived (for the demo, which feeds two years of data within minutes). */
    public String thisWeek() throws IOException { return deliver(currentWeek()).message(); }

    public DigestWeek lastCompleteWeek() { return DigestWeek.lastComplete(clock, zone); }

    /** The week we are in (for the demo, which feeds many months within minutes). */
    public DigestWeek currentWeek() { return DigestWeek.containing(java.time.LocalDate.ofInstant(clock.instant(), zone), zone); }

    public ZoneId zone() { return zone; }

    public Digest build(DigestWeek week) { return builder.build(week, board.get()); }

    public DigestRenderer renderer() { return renderer; }

    /** Builds, archives, and queues and sends the week's digest unless it was queued before. */
    public Outcome deliver(DigestWeek week) throws IOException {
        Digest d = builder.build(week, board.get());
        boolean replaced = archive.exists(week);
        Path archived = archive.write(week, renderer.html(d, name -> DigestArchive.IMAGES + "/" + name), renderer.text(d), d.images());
        Instant now = clock.instant();
        List<String> to = config.people().digestTo();
        Instant before = sentAt(week);
        if (before != null || to.isEmpty()) return new Outcome(week, archived, replaced, List.of(), before, 0, d);
        if (!queue(week, d, to, now)) return new Outcome(week, archived, replaced, List.of(), sentAt(week), 0, d);
        int sent = sender == null ? 0 : sender.sendDue().sent();
        return new Outcome(week, archived, replaced, List.copyOf(to), null, sent, d);
    }

    /** When the week's digest was queued, or null when it never was. */
    public Instant sentAt(DigestWeek week) { return log.queuedAt(week); }

    /** Queues one email per recipient and records the week, in one transaction; false when the week was already there. */
    private boolean queue(DigestWeek week, Digest d, List<String> to, Instant now) {
        String runId = "digest-" + week;
        String subject = "[perfalert] " + d.title() + " (" + d.counts().newConcerns() + " new concerns, "
                + d.counts().newImprovements() + " new improvements)";
        List<RenderedEmail> mails = new ArrayList<>();
        for (String address : to) {
            Mailer.Draft draft = mailer.to(address, null, "digest.to");
            Map<String, String> src = new LinkedHashMap<>();
            d.images().forEach((name, png) -> src.put(name, "cid:" + draft.inline(name.replace(".png", "") + "." + week + "@perfalert", png)));
            mails.add(draft.compose(subject, "digest", Map.of("d", d, "src", src), now));
        }
        try {
            return Transactions.write(ds, "queue the digest of " + week, c -> {
                log.record(c, week, to, runId, now);
                for (RenderedEmail m : mails) outbox.enqueue(c, runId, m, now);
                return true;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) return false;   // another run queued this week first
            throw e;
        }
    }
}
