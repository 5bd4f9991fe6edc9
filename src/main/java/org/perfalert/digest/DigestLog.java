package org.perfalert.digest;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The digest_sent table: which weeks' digests were queued for the board, so a week is never sent twice. */
public final class DigestLog {
    private final DataSource ds;

    public DigestLog(DataSource ds) { this.ds = ds; }

    /** When the week's digest was queued, or null when it never was. */
    public Instant queuedAt(DigestWeek week) {
        return Transactions.read(ds, "read the digests sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT queued_at FROM digest_sent WHERE digest_week = ?")) {
                ps.setString(1, week.toString());
                try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getTimestamp(1).toInstant() : null; }
            }
        });
    }

    /** Records the week inside the caller's transaction; a second record of the same week breaks the table's key. */
    public void record(Connection c, DigestWeek week, List<String> to, String runId, Instant now) {
        Transactions.within(c, "record the digest of " + week, cx -> {
            try (PreparedStatement ps = cx.prepareStatement(
                    "INSERT INTO digest_sent (digest_week, recipients, run_id, queued_at) VALUES (?,?,?,?)")) {
                ps.setString(1, week.toString());
                ps.setString(2, String.join(",", to));
                ps.setString(3, runId);
                ps.setTimestamp(4, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }
}
