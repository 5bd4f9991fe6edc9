package org.perfalert.ack;

import org.perfalert.store.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** The reply_seen table: each reply read from the mailbox, by its Message-ID, with what came of it. */
final class ReplyLog {
    boolean seen(Connection c, String key) {
        return Transactions.within(c, "look up reply " + key, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("SELECT 1 FROM reply_seen WHERE message_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
            }
        });
    }

    void record(Connection c, String key, String sender, Long outboxId, Replies.Result result, Instant now) {
        Transactions.within(c, "record reply " + key, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("INSERT INTO reply_seen (message_key, sender, outbox_id, outcome, reason,"
                    + " acknowledged, processed_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, key);
                ps.setString(2, sender == null ? null : cut(sender, 320));
                if (outboxId == null) ps.setNull(3, Types.BIGINT); else ps.setLong(3, outboxId);
                ps.setString(4, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
                ps.setString(5, result.reason() == null ? null : cut(result.reason(), 2000));
                ps.setInt(6, result.acknowledged());
                ps.setTimestamp(7, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}
