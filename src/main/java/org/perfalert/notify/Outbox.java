package org.perfalert.notify;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbox table: emails are written here in the same transaction as the decision to send them; a sender claims a
 * due row (committed) before handing it to the mail server, then marks it sent. A claim that runs out (its sender
 * died mid-send) leaves the outcome unknown: the row is sent again, a bounded number of times. Rows are never
 * deleted, so failures stay visible.
 */
public class Outbox {
    private static final String COLUMNS = "id, run_id, recipient, subject, message_id, mime, status, attempts,"
            + " next_attempt_at, last_error, created_at, sent_at, unknown_outcomes";
    private final DataSource ds;

    public Outbox(DataSource ds) { this.ds = ds; }

    /** Queues a composed email inside the caller's transaction; returns the row's number. */
    public long enqueue(Connection c, String runId, RenderedEmail mail, Instant now) {
        return Transactions.within(c, "queue the email to " + mail.recipient(), cx -> {
            try (PreparedStatement ps = cx.prepareStatement("INSERT INTO outbox (run_id, recipient, subject, message_id, mime, status,"
                    + " attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,0,?,?)", new String[]{"id"})) {
                ps.setString(1, runId);
                ps.setString(2, mail.recipient());
                ps.setString(3, mail.subject());
                ps.setString(4, mail.messageId());
                ps.setString(5, mail.mime());
                ps.setString(6, OutboxEntry.PENDING);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) { k.next(); return k.getLong(1); }
            }
        });
    }

    /** Queues emails in one transaction of their own (notices that go with no other decision). */
    public void enqueueAll(String runId, List<RenderedEmail> mails, Instant now) {
        Transactions.write(ds, "queue " + mails.size() + " email(s) of run " + runId, c -> {
            for (RenderedEmail m : mails) enqueue(c, runId, m, now);
            return null;
        });
    }

    /** Pending emails whose next attempt is due, oldest first. */
    public List<OutboxEntry> due(Instant now, int limit) {
        return query("WHERE status = '" + OutboxEntry.PENDING + "' AND next_attempt_at <= ? ORDER BY id", limit,
                ps -> ps.setTimestamp(1, Timestamp.from(now)));
    }

    /** Every row, oldest first (for reports and tests). */
    public List<OutboxEntry> all() {
        return query("ORDER BY id", Integer.MAX_VALUE, ps -> { });
    }

    /** Which email a reply answers: the outbox row and its recipient. */
    public record Addressed(long id, String recipient) { }

    /** The email with this Message-ID (angle brackets and all), in the caller's transaction. */
    public Optional<Addressed> byMessageId(Connection c, String messageId) {
        return Transactions.within(c, "find the email " + messageId, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("SELECT id, recipient FROM outbox WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Addressed(rs.getLong(1), rs.getString(2))) : Optional.<Addressed>empty();
                }
            }
        });
    }

    /** How many emails stand in each status (pending, sent, failed): for health checks and reports. */
    public Map<String, Integer> countByStatus() {
        return Transactions.read(ds, "count the outbox", c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM outbox GROUP BY status")) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    /**
     * Claims a pending row for a sender until the time given: committed before the email is handed over, so a crash
     * mid-send leaves the row visibly "sending". False when another sender claimed it first.
     */
    public boolean claim(long id, String owner, Instant until) {
        return Transactions.write(ds, "claim email " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, claimed_by = ?, claimed_until = ?"
                    + " WHERE id = ? AND status = ?")) {
                ps.setString(1, OutboxEntry.SENDING);
                ps.setString(2, owner);
                ps.setTimestamp(3, Timestamp.from(until));
                ps.setLong(4, id);
                ps.setString(5, OutboxEntry.PENDING);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Rows claimed by a sender whose claim ran out before it marked them: their outcome is unknown. */
    public List<OutboxEntry> expiredClaims(Instant now) {
        return query("WHERE status = '" + OutboxEntry.SENDING + "' AND claimed_until < ? ORDER BY id", Integer.MAX_VALUE,
                ps -> ps.setTimestamp(1, Timestamp.from(now)));
    }

    /**
     * A row whose outcome is unknown: pending again (due now) while it has been cut off at most maxResends times,
     * else held for an operator. Returns the status given, or null when another sender took the row first.
     */
    public String recoverUnknown(OutboxEntry row, int maxResends, Instant now) {
        String status = row.unknownOutcomes() + 1 > maxResends ? OutboxEntry.HELD : OutboxEntry.PENDING;
        boolean done = Transactions.write(ds, "recover email " + row.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, unknown_outcomes = unknown_outcomes + 1,"
                    + " next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE id = ? AND status = ? AND unknown_outcomes = ?")) {
                ps.setString(1, status);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, "the outcome of sending it is unknown: the sender stopped mid-send ("
                        + (row.unknownOutcomes() + 1) + " time(s))");
                ps.setLong(4, row.id());
                ps.setString(5, OutboxEntry.SENDING);
                ps.setInt(6, row.unknownOutcomes());
                return ps.executeUpdate() == 1;
            }
        });
        return done ? status : null;
    }

    public void markSent(long id, Instant now) {
        Transactions.write(ds, "mark email " + id + " sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, sent_at = ?, attempts = attempts + 1,"
                    + " last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?")) {
                ps.setString(1, OutboxEntry.SENT);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Records a failed attempt: retried at nextAttempt, or given up (status failed) when giveUp. */
    public void markFailed(long id, String error, Instant nextAttempt, boolean giveUp) {
        Transactions.write(ds, "record the failure of email " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, attempts = attempts + 1,"
                    + " next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?")) {
                ps.setString(1, giveUp ? OutboxEntry.FAILED : OutboxEntry.PENDING);
                ps.setTimestamp(2, Timestamp.from(nextAttempt));
                ps.setString(3, error.length() > 1900 ? error.substring(0, 1900) : error);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private List<OutboxEntry> query(String tail, int limit, Binder binder) {
        return Transactions.read(ds, "read the outbox", c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox " + tail)) {
                binder.bind(ps);
                ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp sent = rs.getTimestamp("sent_at");
                        out.add(new OutboxEntry(rs.getLong("id"), rs.getString("run_id"), rs.getString("recipient"),
                                rs.getString("subject"), rs.getString("message_id"), rs.getString("mime"), rs.getString("status"),
                                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(),
                                rs.getInt("unknown_outcomes")));
                    }
                }
            }
            return out;
        });
    }
}
