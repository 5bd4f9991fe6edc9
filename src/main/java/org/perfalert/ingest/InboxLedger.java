package org.perfalert.ingest;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The inbox's memory, in the store (table inbox_file): the fate of every file taken from the inbox, by name, size and
 * time stamp. A loaded file's row is written in the transaction that stores its figures, a refused file's on its own,
 * so a file counts as seen exactly when its fate is durable; after a crash the inbox files away what is recorded here
 * without reading it again, and reads again what is not.
 */
public final class InboxLedger {
    public static final String LOADED = "loaded", REJECTED = "rejected";

    /** What was decided for a file, with the report that goes beside it. */
    public record Fate(boolean loaded, String report, String runId, Instant decidedAt) { }

    private final DataSource ds;

    public InboxLedger(DataSource ds) { this.ds = ds; }

    /** The recorded fate of this file (same name, size and time stamp), if any. */
    public Optional<Fate> fate(InboxFile f) {
        return Transactions.read(ds, "look up " + FileNames.shown(f.name()) + " in the inbox's memory", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fate, report, run_id, decided_at FROM inbox_file"
                    + " WHERE file_name = ? AND file_size = ? AND modified_ms = ?")) {
                bindKey(ps, f);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Fate(LOADED.equals(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        });
    }

    /** Records the file's fate inside the caller's transaction (the one storing its figures). */
    public void record(Connection c, InboxFile f, boolean loaded, String report, String runId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_file (file_name, file_size, modified_ms, fate, report,"
                + " run_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(ps, f);
            ps.setString(4, loaded ? LOADED : REJECTED);
            ps.setString(5, report);
            ps.setString(6, runId);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Records a refused file's fate in a transaction of its own (nothing else of it is stored). */
    public void recordRefusal(InboxFile f, String report, String runId, Instant now) {
        Transactions.write(ds, "record that " + FileNames.shown(f.name()) + " was refused", c -> {
            record(c, f, false, report, runId, now);
            return null;
        });
    }

    private static void bindKey(PreparedStatement ps, InboxFile f) throws SQLException {
        ps.setString(1, f.name());
        ps.setLong(2, f.size());
        ps.setLong(3, f.modifiedMillis());
    }
}
