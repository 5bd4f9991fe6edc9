package org.perfalert.alerts;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The silence table. */
public class SilenceStore {
    private final DataSource ds;

    public SilenceStore(DataSource ds) { this.ds = ds; }

    /** Adds a silence and returns it with its number. */
    public Silence add(String metricPattern, String areaPattern, String rulePattern, LocalDate endsOn,
                       String reason, String createdBy, Instant now) {
        return Transactions.write(ds, "add a silence", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO silence (metric_pattern, area_pattern, rule_pattern, ends_on,"
                    + " reason, created_by, created_at) VALUES (?,?,?,?,?,?,?)", new String[]{"id"})) {
                ps.setString(1, metricPattern);
                ps.setString(2, areaPattern);
                ps.setString(3, rulePattern);
                ps.setDate(4, Date.valueOf(endsOn));
                ps.setString(5, reason);
                ps.setString(6, createdBy);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return new Silence(k.getLong(1), metricPattern, areaPattern, rulePattern, endsOn, reason, createdBy, now);
                }
            }
        });
    }

    /** Every silence, oldest first (expired ones too: they stay as a record until removed). */
    public List<Silence> all() {
        return Transactions.read(ds, "read the silences", c -> {
            List<Silence> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, metric_pattern, area_pattern, rule_pattern, ends_on, reason, created_by,"
                         + " created_at FROM silence ORDER BY id")) {
                while (rs.next())
                    out.add(new Silence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
            }
            return out;
        });
    }

    /** Silences in force on a day (the end date is inclusive). */
    public List<Silence> activeOn(LocalDate day) {
        return all().stream().filter(s -> !day.isAfter(s.endsOn())).toList();
    }

    /** Removes a silence; false when there is no such silence. */
    public boolean remove(long id) {
        return Transactions.write(ds, "remove silence " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM silence WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
