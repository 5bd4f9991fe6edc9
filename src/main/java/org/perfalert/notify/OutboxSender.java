package org.perfalert.notify;

import org.perfalert.config.Settings;
import org.perfalert.store.Crashpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the outbox: every due row is claimed (committed), handed to the transport, then marked sent; a failure is
 * recorded on the row and retried later with backoff. Delivery is at least once, and at most 1 + maxUnknownResends
 * times: a sender that dies after the server accepted an email but before the row is marked sent leaves it claimed;
 * once the claim runs out the email is sent again (same Message-ID, so a mail program shows one), and when that has
 * happened more than maxUnknownResends times the row is held for an operator instead.
 */
public class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.mail");

    /** How claims work: who this sender is, how long a claim lasts, how often an unknown outcome is sent again. */
    public record Claims(String owner, Duration lease, int maxUnknownResends) {
        public static Claims from(Settings s) {
            int max = s.getInt("mail.max-unknown-resends");
            if (max < 0) throw new IllegalArgumentException("mail.max-unknown-resends must be 0 or more, not " + max);
            return new Claims(newOwner(), Duration.ofSeconds(s.getLong("mail.send.lease.seconds")), max);
        }

        public static Claims defaults() { return new Claims(newOwner(), Duration.ofSeconds(120), 2); }

        private static String newOwner() { return "sender-" + UUID.randomUUID().toString().substring(0, 8); }
    }

    private final Outbox outbox;
    private final MailTransport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final Claims claims;
    private volatile Instant lastSent;
    private volatile Instant lastFailure;
    private volatile String lastError;

    public OutboxSender(Outbox outbox, MailTransport transport, Clock clock, Backoff backoff) {
        this(outbox, transport, clock, backoff, Claims.defaults());
    }

    public OutboxSender(Outbox outbox, MailTransport transport, Clock clock, Backoff backoff, Claims claims) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.backoff = backoff;
        this.claims = claims;
    }

    /** The sender of the outbox in this database, with the transport, retry and claim settings given. */
    public static OutboxSender over(DataSource ds, Settings settings, Clock clock) {
        return new OutboxSender(new Outbox(ds), MailSettings.from(settings).transport(), clock, Backoff.from(settings), Claims.from(settings));
    }

    /** What one pass did. */
    public record Report(int sent, int failed, int gaveUp) { }

    /** How sending went lately, for the health check: the last email sent, the last failure and its error. */
    public record Lately(Instant lastSent, Instant lastFailure, String lastError) {
        /** True when the last attempt failed (and none went since). */
        public boolean failing() { return lastFailure != null && (lastSent == null || lastFailure.isAfter(lastSent)); }
    }

    public Lately lately() { return new Lately(lastSent, lastFailure, lastError); }

    /** Sends every email that is due now; returns how many went and how many failed. */
    public Report sendDue() {
        recoverUnknownOutcomes();
        int sent = 0, failed = 0, gaveUp = 0;
        List<OutboxEntry> due = outbox.due(clock.instant(), 500);
        for (OutboxEntry mail : due) {
            if (!outbox.claim(mail.id(), claims.owner(), clock.instant().plus(claims.lease()))) continue;
            Crashpoints.reach("mail.after-claim");
            try {
                transport.send(mail);
            } catch (Exception e) {
                int attempts = mail.attempts() + 1;
                boolean giveUp = backoff.giveUp(attempts);
                Instant next = clock.instant().plus(backoff.delayAfter(attempts));
                outbox.markFailed(mail.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), next, giveUp);
                LOG.warn("email {} to {} not sent (attempt {}{}): {}", mail.id(), mail.recipient(), attempts,
                        giveUp ? ", giving up" : ", retry at " + next, e.getMessage());
                lastFailure = clock.instant();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (giveUp) gaveUp++; else failed++;
                continue;
            }
            Crashpoints.reach("mail.after-send");
            outbox.markSent(mail.id(), clock.instant());
            lastSent = clock.instant();
            sent++;
        }
        transport.close(); // no idle SMTP connection between passes
        return new Report(sent, failed, gaveUp);
    }

    /** Rows whose sender died mid-send: sent again while under the bound, else held for an operator. */
    private void recoverUnknownOutcomes() {
        for (OutboxEntry row : outbox.expiredClaims(clock.instant())) {
            String status = outbox.recoverUnknown(row, claims.maxUnknownResends(), clock.instant());
            if (OutboxEntry.PENDING.equals(status))
                LOG.warn("email outcome unknown id={} to={} message_id={}: its sender stopped mid-send; sending it again"
                        + " ({} of at most {})", row.id(), row.recipient(), row.messageId(), row.unknownOutcomes() + 1,
                        claims.maxUnknownResends());
            else if (OutboxEntry.HELD.equals(status))
                LOG.error("email held for an operator id={} to={} message_id={}: its sending was cut off {} times"
                        + " (mail.max-unknown-resends={}); look for this Message-ID in the mail server's log"
                        + " (docs/operations.md says how to send it again)", row.id(), row.recipient(), row.messageId(),
                        row.unknownOutcomes() + 1, claims.maxUnknownResends());
        }
    }
}
