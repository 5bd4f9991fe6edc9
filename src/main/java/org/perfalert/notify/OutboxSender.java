package org.perfalert.notify;

import org.perfalert.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends the outbox: every due row is handed to the transport and then marked sent; a failure is recorded on
 * the row and retried later with backoff. Delivery is at least once: a crash after the server accepted an
 * email but before the row is marked sent sends it again on restart, with the same Message-ID.
 */
public class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailTransport transport;
    private final Clock clock;
    private final Backoff backoff;

    public OutboxSender(Outbox outbox, MailTransport transport, Clock clock, Backoff backoff) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** The sender of the outbox in this database, with the transport and retry settings given. */
    public static OutboxSender over(DataSource ds, Settings settings, Clock clock) {
        return new OutboxSender(new Outbox(ds), MailSettings.from(settings).transport(), clock, Backoff.from(settings));
    }

    /** What one pass did. */
    public record Report(int sent, int failed, int gaveUp) { }

    /** Sends every email that is due now; returns how many went and how many failed. */
    public Report sendDue() {
        int sent = 0, failed = 0, gaveUp = 0;
        List<OutboxEntry> due = outbox.due(clock.instant(), 500);
        for (OutboxEntry mail : due) {
            try {
                transport.send(mail);
            } catch (Exception e) {
                int attempts = mail.attempts() + 1;
                boolean giveUp = backoff.giveUp(attempts);
                Instant next = clock.instant().plus(backoff.delayAfter(attempts));
                outbox.markFailed(mail.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), next, giveUp);
                LOG.warn("email {} to {} not sent (attempt {}{}): {}", mail.id(), mail.recipient(), attempts,
                        giveUp ? ", giving up" : ", retry at " + next, e.getMessage());
                if (giveUp) gaveUp++; else failed++;
                continue;
            }
            outbox.markSent(mail.id(), clock.instant());
            sent++;
        }
        transport.close(); // no idle SMTP connection between passes
        return new Report(sent, failed, gaveUp);
    }
}
