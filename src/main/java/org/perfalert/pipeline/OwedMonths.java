package org.perfalert.pipeline;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * The months whose evaluation is owed (table evaluation_owed): a load records the months it touched in its own
 * transaction; the transaction that stores a month's alerts deletes the rows that were read before the month was
 * evaluated. A row written by a later load of the same month was not read, so it stays: that month is evaluated again.
 */
public final class OwedMonths {
    /** The owed rows of one month, as read before evaluating it. */
    public record Owed(YearMonth month, List<Long> ids, Instant since) { }

    private final DataSource ds;

    public OwedMonths(DataSource ds) { this.ds = ds; }

    /** Records the months inside the caller's transaction (the load's). */
    public void owe(Connection c, Collection<YearMonth> months, String runId, Instant now) throws SQLException {
        if (months.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation_owed (obs_month, run_id, owed_since) VALUES (?, ?, ?)")) {
            for (YearMonth m : months) {
                ps.setString(1, m.toString());
                ps.setString(2, runId);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records the months in a transaction of their own (reevaluate). */
    public void owe(Collection<YearMonth> months, String runId, Instant now) {
        Transactions.write(ds, "record the months owed an evaluation", c -> {
            owe(c, months, runId, now);
            return null;
        });
    }

    /** Every owed month with the rows that owe it, oldest month first. */
    public SortedMap<YearMonth, Owed> all() {
        return Transactions.read(ds, "read the months owed an evaluation", c -> {
            SortedMap<YearMonth, List<Long>> ids = new TreeMap<>();
            Map<YearMonth, Instant> since = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, obs_month, owed_since FROM evaluation_owed ORDER BY id")) {
                while (rs.next()) {
                    YearMonth m = YearMonth.parse(rs.getString(2).trim());
                    ids.computeIfAbsent(m, k -> new ArrayList<>()).add(rs.getLong(1));
                    since.merge(m, rs.getTimestamp(3).toInstant(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            SortedMap<YearMonth, Owed> out = new TreeMap<>();
            ids.forEach((m, list) -> out.put(m, new Owed(m, List.copyOf(list), since.get(m))));
            return out;
        });
    }

    /** Deletes the rows read for the month, inside the caller's transaction (the one storing the month's alerts). */
    public static void paid(Connection c, Owed owed) throws SQLException {
        if (owed == null || owed.ids().isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM evaluation_owed WHERE id = ?")) {
            for (long id : owed.ids()) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
