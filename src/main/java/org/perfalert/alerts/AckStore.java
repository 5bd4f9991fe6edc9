package org.perfalert.alerts;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** JDBC access to acknowledgements. */
public class AckStore {
    private final DataSource ds;

    public AckStore(DataSource ds) { this.ds = ds; }

    public Acknowledgement add(StoredAlert alert, String by, String comment, Instant now) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (alert_id, ack_by, ack_comment, created_at)"
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
    }

    /** Acknowledgements made in [from, to), oldest first: what the digest shows. */
    public List<Acknowledgement> between(Instant from, Instant to) throws SQLException {
        return query(" WHERE k.created_at >= ? AND k.created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
        });
    }

    /** Acknowledgements of the exceptions of one month. */
    public List<Acknowledgement> forMonth(YearMonth month) throws SQLException {
        return query(" WHERE a.alert_month = ?", ps -> ps.setString(1, month.toString()));
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private List<Acknowledgement> query(String where, Binder binder) throws SQLException {
        List<Acknowledgement> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT k.id, k.alert_id, a.fingerprint, k.ack_by, k.ack_comment, k.created_at"
                     + " FROM acknowledgement k JOIN alert a ON a.id = k.alert_id" + where + " ORDER BY k.created_at, k.id")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.add(new Acknowledgement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }
}
