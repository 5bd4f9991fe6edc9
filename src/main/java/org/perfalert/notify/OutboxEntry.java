package org.perfalert.notify;

import java.time.Instant;

/** One email in the outbox: the whole rendered message and where it stands. */
public record OutboxEntry(long id, String runId, String recipient, String subject, String messageId, String mime,
                          String status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, Instant sentAt) {
    public static final String PENDING = "pending", SENT = "sent", FAILED = "failed";
}
