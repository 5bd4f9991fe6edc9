package org.perfalert.notify;

import java.time.Instant;

/**
 * One email in the outbox: the whole rendered message and where it stands. Statuses: pending (due at nextAttemptAt),
 * sending (claimed by a sender, committed before it was handed to the mail server), sent, failed (given up after the
 * retries), held (its sending was cut off more often than mail.max-unknown-resends allows: for an operator).
 *
 * @param unknownOutcomes how often a sender died while sending it (the mail server may or may not have it)
 */
public record OutboxEntry(long id, String runId, String recipient, String subject, String messageId, String mime,
                          String status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, Instant sentAt, int unknownOutcomes) {
    public static final String PENDING = "pending", SENDING = "sending", SENT = "sent", FAILED = "failed", HELD = "held";
}
