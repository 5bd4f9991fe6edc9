package org.perfalert.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfalert.model.*;
import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * The alert stage's rows: the alert and alert_delivery tables (schema: db/migration/V2__alerts.sql). Methods that take
 * a Connection work inside the caller's transaction; the others on a connection of their own.
 */
public class AlertStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, fingerprint, rule_id, metric, area_type, area, alert_month, status,"
            + " severity, direction, headline, evidence, silenced_by, run_id, updated_at, assessment";

    private final DataSource ds;

    public AlertStore(DataSource ds) { this.ds = ds; }

    /** Every row stored for a month, by fingerprint. */
    public Map<String, StoredAlert> forMonth(Connection c, YearMonth month) {
        return Transactions.within(c, "read the alerts of " + month, cx -> {
            Map<String, StoredAlert> out = new LinkedHashMap<>();
            for (StoredAlert a : select(cx, "WHERE alert_month = ? ORDER BY id", ps -> ps.setString(1, month.toString())))
                out.put(a.fingerprint(), a);
            return out;
        });
    }

    public List<StoredAlert> forMonth(YearMonth month) {
        return Transactions.read(ds, "read the alerts of " + month, c -> List.copyOf(forMonth(c, month).values()));
    }

    /** Rows changed by evaluations in [from, to), oldest change first: what the weekly digest reports. */
    public List<StoredAlert> changedBetween(Instant from, Instant to) {
        return Transactions.read(ds, "read the alerts changed in a week", c -> select(c,
                "WHERE updated_at >= ? AND updated_at < ? ORDER BY updated_at, id", ps -> {
                    ps.setTimestamp(1, Timestamp.from(from));
                    ps.setTimestamp(2, Timestamp.from(to));
                }));
    }

    /** A row by its number or its fingerprint. */
    public Optional<StoredAlert> find(String idOrFingerprint) {
        boolean byId = idOrFingerprint.matches("\\d{1,18}");
        return Transactions.read(ds, "find alert " + idOrFingerprint, c -> select(c, byId ? "WHERE id = ?" : "WHERE fingerprint = ?",
                ps -> { if (byId) ps.setLong(1, Long.parseLong(idOrFingerprint)); else ps.setString(1, idOrFingerprint); })
                .stream().findFirst());
    }

    /** The rows that hold (new or continuing), inside the caller's transaction. */
    public List<StoredAlert> holding(Connection c) {
        return Transactions.within(c, "read the alerts that hold", cx -> select(cx,
                "WHERE status IN ('" + AlertStatus.NEW.id() + "', '" + AlertStatus.CONTINUING.id() + "') ORDER BY id", ps -> { }));
    }

    /** A row by its number, in the caller's transaction. */
    public Optional<StoredAlert> find(Connection c, long id) {
        return Transactions.within(c, "find alert " + id, cx -> select(cx, "WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst());
    }

    /** The latest month with any stored row. */
    public Optional<YearMonth> latestMonth() {
        return Transactions.read(ds, "read the alerts", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(alert_month) FROM alert")) {
                return rs.next() && rs.getString(1) != null ? Optional.of(YearMonth.parse(rs.getString(1).trim())) : Optional.empty();
            }
        });
    }

    public long insert(Connection c, PerformanceException e, AlertStatus status, Long silencedBy, String runId, Instant now) {
        return Transactions.within(c, "store alert " + e.fingerprint(), cx -> {
            try (PreparedStatement ps = cx.prepareStatement("INSERT INTO alert (fingerprint, rule_id, metric, area_type, area,"
                    + " alert_month, status, severity, direction, headline, evidence, silenced_by, run_id, updated_at, assessment)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[]{"id"})) {
                ps.setString(1, e.fingerprint());
                ps.setString(2, e.rule());
                ps.setString(3, e.metric());
                ps.setString(4, e.areaType().id());
                ps.setString(5, e.area());
                ps.setString(6, e.month().toString());
                ps.setString(7, status.id());
                ps.setString(8, e.severity().id());
                ps.setString(9, e.direction().id());
                ps.setString(10, e.headline());
                ps.setString(11, json(e.evidence()));
                setSilence(ps, 12, silencedBy);
                ps.setString(13, runId);
                ps.setTimestamp(14, Timestamp.from(now));
                ps.setString(15, AssessmentJson.write(e.assessment()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) { keys.next(); return keys.getLong(1); }
            }
        });
    }

    /** Rewrites a row's status and content (the fingerprint stays). */
    public void update(Connection c, long id, PerformanceException e, AlertStatus status, Long silencedBy, String runId, Instant now) {
        Transactions.within(c, "update alert " + id, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("UPDATE alert SET status = ?, severity = ?, direction = ?, headline = ?,"
                    + " evidence = ?, silenced_by = ?, run_id = ?, updated_at = ?, assessment = ? WHERE id = ?")) {
                ps.setString(1, status.id());
                ps.setString(2, e.severity().id());
                ps.setString(3, e.direction().id());
                ps.setString(4, e.headline());
                ps.setString(5, json(e.evidence()));
                setSilence(ps, 6, silencedBy);
                ps.setString(7, runId);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, AssessmentJson.write(e.assessment()));
                ps.setLong(10, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Removes a resolution that no longer stands (and anything hanging off it). */
    public void delete(Connection c, long id) {
        Transactions.within(c, "remove alert " + id, cx -> {
            for (String sql : List.of("DELETE FROM acknowledgement WHERE alert_id = ?", "DELETE FROM alert_delivery WHERE alert_id = ?",
                    "DELETE FROM alert WHERE id = ?"))
                try (PreparedStatement ps = cx.prepareStatement(sql)) { ps.setLong(1, id); ps.executeUpdate(); }
            return null;
        });
    }

    /** The addresses that were emailed about an alert (kind "alert": the exception itself). */
    public Set<String> emailedAbout(Connection c, long alertId) {
        return Transactions.within(c, "read the deliveries of alert " + alertId, cx -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = cx.prepareStatement(
                    "SELECT recipient FROM alert_delivery WHERE alert_id = ? AND kind = 'alert' ORDER BY recipient")) {
                ps.setLong(1, alertId);
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getString(1)); }
            }
            return out;
        });
    }

    public Set<String> emailedAbout(long alertId) {
        return Transactions.read(ds, "read the deliveries of alert " + alertId, c -> emailedAbout(c, alertId));
    }

    /** Records that an email about an alert went (or is queued) to a recipient; kind is "alert" or "withdrawn". */
    public void addDelivery(Connection c, long alertId, String recipient, long outboxId, String kind) {
        Transactions.within(c, "record the email about alert " + alertId, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("DELETE FROM alert_delivery WHERE alert_id = ? AND recipient = ? AND kind = ?")) {
                ps.setLong(1, alertId); ps.setString(2, recipient); ps.setString(3, kind); ps.executeUpdate();
            }
            try (PreparedStatement ps = cx.prepareStatement(
                    "INSERT INTO alert_delivery (alert_id, recipient, outbox_id, kind) VALUES (?,?,?,?)")) {
                ps.setLong(1, alertId); ps.setString(2, recipient); ps.setLong(3, outboxId); ps.setString(4, kind);
                return ps.executeUpdate();
            }
        });
    }

    /** One item of a lead's email: its number in the email and an alert it shows. */
    public record EmailItem(int number, long alertId) { }

    /** Records that the email in outbox row outboxId shows the alert as item number (1, 2, …). */
    public void addEmailItem(Connection c, long outboxId, int number, long alertId) {
        Transactions.within(c, "record item " + number + " of email " + outboxId, cx -> {
            try (PreparedStatement ps = cx.prepareStatement("INSERT INTO email_item (outbox_id, item_no, alert_id) VALUES (?,?,?)")) {
                ps.setLong(1, outboxId); ps.setInt(2, number); ps.setLong(3, alertId);
                return ps.executeUpdate();
            }
        });
    }

    /** The items of the email in an outbox row, by number (empty for emails that are not a lead's). */
    /**
     * The alerts folded into the same email item as this one in the emails to a recipient (SIGNALS.md 4: one item,
     * acknowledged together), the alert itself not included.
     */
    public List<Long> foldedWith(Connection c, long alertId, String recipient) {
        return Transactions.within(c, "read the item of alert " + alertId, cx -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = cx.prepareStatement("SELECT DISTINCT e2.alert_id FROM email_item e1"
                    + " JOIN alert_delivery d ON d.outbox_id = e1.outbox_id AND d.alert_id = e1.alert_id"
                    + " JOIN email_item e2 ON e2.outbox_id = e1.outbox_id AND e2.item_no = e1.item_no"
                    + " WHERE e1.alert_id = ? AND LOWER(d.recipient) = LOWER(?) AND e2.alert_id <> e1.alert_id ORDER BY e2.alert_id")) {
                ps.setLong(1, alertId);
                ps.setString(2, recipient);
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getLong(1)); }
            }
            return out;
        });
    }

    public List<EmailItem> emailItems(Connection c, long outboxId) {
        return Transactions.within(c, "read the items of email " + outboxId, cx -> {
            List<EmailItem> out = new ArrayList<>();
            try (PreparedStatement ps = cx.prepareStatement("SELECT item_no, alert_id FROM email_item WHERE outbox_id = ? ORDER BY item_no, alert_id")) {
                ps.setLong(1, outboxId);
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(new EmailItem(rs.getInt(1), rs.getLong(2))); }
            }
            return out;
        });
    }

    /** Whether an email about the alert went (or is queued) to the address (kind "alert"). */
    public boolean emailedTo(Connection c, long alertId, String address) {
        return emailedAbout(c, alertId).stream().anyMatch(a -> a.equalsIgnoreCase(address));
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private static List<StoredAlert> select(Connection c, String where, Binder binder) throws SQLException {
        List<StoredAlert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(read(rs)); }
        }
        return out;
    }

    private static void setSilence(PreparedStatement ps, int at, Long silencedBy) throws SQLException {
        if (silencedBy == null) ps.setNull(at, Types.BIGINT); else ps.setLong(at, silencedBy);
    }

    private static StoredAlert read(ResultSet rs) throws SQLException {
        String sev = rs.getString("severity"), dir = rs.getString("direction");
        long silenced = rs.getLong("silenced_by");
        Long silencedBy = rs.wasNull() ? null : silenced;
        return new StoredAlert(rs.getLong("id"), rs.getString("fingerprint"), rs.getString("rule_id"),
                new SeriesKey(rs.getString("metric"), AreaType.parse(rs.getString("area_type")), rs.getString("area")),
                YearMonth.parse(rs.getString("alert_month").trim()), AlertStatus.parse(rs.getString("status")),
                sev == null ? null : Severity.parse(sev), dir == null ? null : Direction.parse(dir),
                rs.getString("headline"), parse(rs.getString("evidence")), silencedBy, rs.getString("run_id"),
                rs.getTimestamp("updated_at").toInstant(), AssessmentJson.read(rs.getString("assessment")));
    }

    static String json(Map<String, Object> evidence) {
        try { return JSON.writeValueAsString(evidence == null ? Map.of() : evidence); }
        catch (JsonProcessingException e) { throw new IllegalArgumentException("evidence cannot be written as JSON: " + e.getMessage(), e); }
    }

    static Map<String, Object> parse(String json) {
        if (json == null) return Map.of();
        try { return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }); }
        catch (JsonProcessingException e) { throw new IllegalStateException("stored evidence is not valid JSON: " + json, e); }
    }
}
