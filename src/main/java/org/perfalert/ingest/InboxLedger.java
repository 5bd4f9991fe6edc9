package org.perfalert.ingest;

import org.perfalert.store.StoreException;
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
 * <p>
 * Several instances on one database: before reading a file an instance claims it (a row with fate 'claimed', its
 * owner and until when); recording the fate turns the claim into the fate, only while the claim is still the owner's.
 * A claim whose time ran out (its owner died) is taken over by the next instance that looks.
 */
public final class InboxLedger {
    public static final String LOADED = "loaded", REJECTED = "rejected", CLAIMED = "claimed";

    /** What was decided for a file, with the report that goes beside it. */
    public record Fate(boolean loaded, String report, String runId, Instant decidedAt, String decidedBy) { }

    private final DataSource ds;

    public InboxLedger(DataSource ds) { this.ds = ds; }

    /** The recorded fate of this file (same name, size and time stamp), if any. */
    public Optional<Fate> fate(InboxFile f) {
        return Transactions.read(ds, "look up " + FileNames.shown(f.name()) + " in the inbox's memory", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fate, report, run_id, decided_at, claimed_by FROM inbox_file"
                    + " WHERE file_name = ? AND file_size = ? AND modified_ms = ? AND fate <> '" + CLAIMED + "'")) {
                bindKey(ps, f);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Fate(LOADED.equals(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5)));
                }
            }
        });
    }

    /**
     * Claims the file for this owner until the time given, in a transaction of its own: true when the claim is the
     * owner's (new, already the owner's, or taken over from an owner whose claim ran out); false when another instance
     * holds it or has decided it.
     */
    public boolean claim(InboxFile f, String owner, Instant now, Instant until) {
        try {
            return Transactions.write(ds, "claim " + FileNames.shown(f.name()), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_file (file_name, file_size, modified_ms, fate,"
                        + " report, run_id, decided_at, claimed_by, claimed_until) VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)")) {
                    bindKey(ps, f);
                    ps.setString(4, CLAIMED);
                    ps.setString(5, owner);
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setString(7, owner);
                    ps.setTimestamp(8, Timestamp.from(until));
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) throw e;
        }
        return Transactions.write(ds, "take over the claim on " + FileNames.shown(f.name()), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_file SET claimed_by = ?, claimed_until = ?"
                    + " WHERE file_name = ? AND file_size = ? AND modified_ms = ? AND fate = ?"
                    + " AND (claimed_until < ? OR claimed_by = ?)")) {
                ps.setString(1, owner);
                ps.setTimestamp(2, Timestamp.from(until));
                bindKey(ps, 3, f);
                ps.setString(6, CLAIMED);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setString(8, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records the file's fate inside the caller's transaction (the one storing its figures), in place of the owner's
     * claim; throws ClaimLost (and so rolls the transaction back) when the claim is no longer the owner's.
     */
    public void record(Connection c, InboxFile f, boolean loaded, String report, String runId, String owner, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_file SET fate = ?, report = ?, run_id = ?, decided_at = ?,"
                + " claimed_until = NULL WHERE file_name = ? AND file_size = ? AND modified_ms = ? AND fate = ? AND claimed_by = ?")) {
            ps.setString(1, loaded ? LOADED : REJECTED);
            ps.setString(2, report);
            ps.setString(3, runId);
            ps.setTimestamp(4, Timestamp.from(now));
            bindKey(ps, 5, f);
            ps.setString(8, CLAIMED);
            ps.setString(9, owner);
            if (ps.executeUpdate() != 1) throw new ClaimLost(f.name());
        }
    }

    /** The claim on a file was taken over by another instance (it ran out first): this instance leaves the file to it. */
    public static final class ClaimLost extends RuntimeException {
        public ClaimLost(String name) {
            super("the claim on " + FileNames.shown(name) + " ran out and another instance took the file over");
        }
    }

    /** Releases the claims of the owner given, or every claim when owner is null (a one-process store, at start). */
    public int releaseClaims(String owner) {
        return Transactions.write(ds, "release the inbox's claims", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inbox_file WHERE fate = ?"
                    + (owner == null ? "" : " AND claimed_by = ?"))) {
                ps.setString(1, CLAIMED);
                if (owner != null) ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    /** The files claimed now, by owner (for health: which instance holds what). */
    public java.util.Map<String, Integer> claimsByOwner() {
        return Transactions.read(ds, "count the inbox's claims", c -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT claimed_by, COUNT(*) FROM inbox_file WHERE fate = ?"
                    + " GROUP BY claimed_by")) {
                ps.setString(1, CLAIMED);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Records a refused file's fate in a transaction of its own (nothing else of it is stored). */
    public void recordRefusal(InboxFile f, String report, String runId, String owner, Instant now) {
        Transactions.write(ds, "record that " + FileNames.shown(f.name()) + " was refused", c -> {
            record(c, f, false, report, runId, owner, now);
            return null;
        });
    }

    private static void bindKey(PreparedStatement ps, InboxFile f) throws SQLException { bindKey(ps, 1, f); }

    /** The file's key (name, size, time stamp) as the parameters from the index given on. */
    private static void bindKey(PreparedStatement ps, int from, InboxFile f) throws SQLException {
        ps.setString(from, f.name());
        ps.setLong(from + 1, f.size());
        ps.setLong(from + 2, f.modifiedMillis());
    }
}
