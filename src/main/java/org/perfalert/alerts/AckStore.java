package org.perfalert.alerts;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * The acknowledgement table: someone has seen an exception and says so. Written through {@link Acknowledging} (the
 * one way to acknowledge) and, for an exception that continues, carried to the next month's row
 * ({@link #carryForward}).
 */
public class AckStore {
    private static final String SELECT = "SELECT k.id, k.alert_id, a.fingerprint, k.ack_by, k.ack_comment, k.created_at,"
            + " k.ack_email, k.via, k.carried_from FROM acknowledgement k JOIN alert a ON a.id = k.alert_id";
    private final DataSource ds;

    public AckStore(DataSource ds) { this.ds = ds; }

    /** Adds a row in the caller's transaction. */
    Acknowledgement insert(Connection c, StoredAlert alert, Acknowledging.Who who, String comment, Instant at, Long carriedFrom) {
        return Transactions.within(c, "acknowledge alert " + alert.id(), cx -> {
            try (PreparedStatement ps = cx.prepareStatement("INSERT INTO acknowledgement (alert_id, ack_by, ack_comment, created_at,"
                    + " ack_email, via, carried_from) VALUES (?,?,?,?,?,?,?)", new String[]{"id"})) {
                ps.setLong(1, alert.id());
                ps.setString(2, who.name());
                ps.setString(3, comment);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, who.email());
                ps.setString(6, who.via());
                if (carriedFrom == null) ps.setNull(7, Types.BIGINT); else ps.setLong(7, carriedFrom);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return new Acknowledgement(k.getLong(1), alert.id(), alert.fingerprint(), who.name(), comment, at,
                            who.email(), who.via(), carriedFrom);
                }
            }
        });
    }

    /** Every acknowledgement of one alert, oldest first, in the caller's transaction. */
    public List<Acknowledgement> forAlert(Connection c, long alertId) {
        return Transactions.within(c, "read the acknowledgements of alert " + alertId,
                cx -> select(cx, " WHERE k.alert_id = ?", ps -> ps.setLong(1, alertId)));
    }

    public List<Acknowledgement> forAlert(long alertId) {
        return Transactions.read(ds, "read the acknowledgements of alert " + alertId, c -> forAlert(c, alertId));
    }

    /** Acknowledgements people made in [from, to), oldest first (carried ones are not made anew): what the digest counts. */
    public List<Acknowledgement> between(Instant from, Instant to) {
        return query(" WHERE k.created_at >= ? AND k.created_at < ? AND k.carried_from IS NULL", ps -> {
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
        return Transactions.read(ds, "read the acknowledgements", c -> latestBefore(c, alertIds, before));
    }

    /** The same in the caller's transaction. */
    public Map<Long, Acknowledgement> latestBefore(Connection c, Collection<Long> alertIds, Instant before) {
        Map<Long, Acknowledgement> out = new HashMap<>();
        List<Long> ids = List.copyOf(new TreeSet<>(alertIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Acknowledgement> found = Transactions.within(c, "read the acknowledgements", cx -> select(cx,
                    " WHERE k.created_at < ? AND k.alert_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", ps -> {
                        ps.setTimestamp(1, Timestamp.from(before));
                        for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 2, chunk.get(i));
                    }));
            for (Acknowledgement k : found) out.put(k.alertId(), k); // oldest first: the last one put is the latest
        }
        return out;
    }

    /**
     * An acknowledgement holds while the exception continues: for each continuing row (new id → the row of the same
     * series and rule the month before), the latest acknowledgement of the month before is carried to it, with its
     * who, when and comment. Returns the rows now acknowledged.
     */
    Set<Long> carryForward(Connection c, Map<StoredAlert, Long> continuingFrom, Instant now) {
        if (continuingFrom.isEmpty()) return Set.of();
        Map<Long, Acknowledgement> before = latestBefore(c, continuingFrom.values(), now.plusSeconds(1));
        Set<Long> acknowledged = new HashSet<>();
        continuingFrom.forEach((row, previous) -> {
            Acknowledgement k = before.get(previous);
            if (k == null) return;
            if (forAlert(c, row.id()).isEmpty())
                insert(c, row, new Acknowledging.Who(k.by(), k.email(), k.via()), k.comment(), k.at(), k.carried() ? k.carriedFrom() : k.id());
            acknowledged.add(row.id());
        });
        return acknowledged;
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private List<Acknowledgement> query(String where, Binder binder) {
        return Transactions.read(ds, "read the acknowledgements", c -> select(c, where, binder));
    }

    private static List<Acknowledgement> select(Connection c, String where, Binder binder) throws SQLException {
        List<Acknowledgement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY k.created_at, k.id")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long carried = rs.getLong(9);
                    Long carriedFrom = rs.wasNull() ? null : carried;
                    out.add(new Acknowledgement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), carriedFrom));
                }
            }
        }
        return out;
    }
}
