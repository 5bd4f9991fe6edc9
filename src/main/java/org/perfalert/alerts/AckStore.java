package org.perfalert.alerts;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/** The acknowledgement table: someone has seen an exception and says so. */
public class AckStore {
    private static final String SELECT = "SELECT k.id, k.alert_id, a.fingerprint, k.ack_by, k.ack_comment, k.created_at"
            + " FROM acknowledgement k JOIN alert a ON a.id = k.alert_id";
    private final DataSource ds;

    public AckStore(DataSource ds) { this.ds = ds; }

    public Acknowledgement add(StoredAlert alert, String by, String comment, Instant now) {
        return Transactions.write(ds, "acknowledge alert " + alert.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (alert_id, ack_by, ack_comment, created_at)"
                    + " VALUES (?,?,?,?)", new String[]{"id"})) {
                ps.setLong(1, alert.id());
                ps.setString(2, by);
                ps.setString(3, comment);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return new Acknowledgement(k.getLong(1), alert.id(), alert.fingerprint(), by, comment, now);
                }
            }
        });
    }

    /** Acknowledgements made in [from, to), oldest first: what the digest counts. */
    public List<Acknowledgement> between(Instant from, Instant to) {
        return query(" WHERE k.created_at >= ? AND k.created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
        });
    }

    /** Acknowledgements of the exceptions of one month. */
    public List<Acknowledgement> forMonth(YearMonth month) {
        return query(" WHERE a.alert_month = ?", ps -> ps.setString(1, month.toString()));
    }

    /** For each of the alerts that has one, its latest acknowledgement made before the instant (what the digest shows). */
    public Map<Long, Acknowledgement> latestBefore(Collection<Long> alertIds, Instant before) {
        Map<Long, Acknowledgement> out = new HashMap<>();
        List<Long> ids = List.copyOf(new TreeSet<>(alertIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            for (Acknowledgement k : query(" WHERE k.created_at < ? AND k.alert_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", ps -> {
                ps.setTimestamp(1, Timestamp.from(before));
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 2, chunk.get(i));
            }))
                out.put(k.alertId(), k); // oldest first: the last one put is the latest
        }
        return out;
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private List<Acknowledgement> query(String where, Binder binder) {
        return Transactions.read(ds, "read the acknowledgements", c -> {
            List<Acknowledgement> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY k.created_at, k.id")) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new Acknowledgement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        });
    }
}
