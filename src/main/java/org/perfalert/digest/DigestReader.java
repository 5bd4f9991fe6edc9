package org.perfalert.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfalert.alerts.AlertStatus;
import org.perfalert.alerts.Silence;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.model.*;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

/**
 * Reads what a week's digest needs from the store, without changing anything: the alert rows changed in the week
 * (alert.updated_at), acknowledgements made in it, the silences in force during it, and which months of data had
 * arrived by its end (observation.loaded_at).
 */
public final class DigestReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource ds;

    public DigestReader(DataSource ds) { this.ds = ds; }

    /** Alert rows whose last change fell in [from, to), with their latest acknowledgement made before to. */
    public List<WeekAlert> changedBetween(Instant from, Instant to) throws SQLException {
        String sql = "SELECT a.id, a.rule_id, a.metric, a.area_type, a.area, a.alert_month, a.status, a.severity, a.direction,"
                + " a.headline, a.evidence, a.silenced_by, a.updated_at, k.ack_by, k.ack_comment"
                + " FROM alert a LEFT JOIN acknowledgement k ON k.alert_id = a.id AND k.id ="
                + " (SELECT MAX(k2.id) FROM acknowledgement k2 WHERE k2.alert_id = a.id AND k2.created_at < ?)"
                + " WHERE a.updated_at >= ? AND a.updated_at < ? ORDER BY a.id";
        List<WeekAlert> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(to));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sev = rs.getString("severity"), dir = rs.getString("direction");
                    long silenced = rs.getLong("silenced_by");
                    Long silencedBy = rs.wasNull() ? null : silenced;
                    out.add(new WeekAlert(rs.getLong("id"), rs.getString("rule_id"),
                            new SeriesKey(rs.getString("metric"), AreaType.parse(rs.getString("area_type")), rs.getString("area")),
                            YearMonth.parse(rs.getString("alert_month").trim()), AlertStatus.parse(rs.getString("status")),
                            sev == null ? Severity.LOW : Severity.parse(sev), dir == null ? Direction.NEUTRAL : Direction.parse(dir),
                            rs.getString("headline"), evidence(rs.getString("evidence")), silencedBy,
                            rs.getTimestamp("updated_at").toInstant(), rs.getString("ack_by"), rs.getString("ack_comment")));
                }
            }
        }
        return out;
    }

    /** How many acknowledgements were made in [from, to). */
    public int acknowledgementsBetween(Instant from, Instant to) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM acknowledgement WHERE created_at >= ? AND created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) { rs.next(); return rs.getInt(1); }
        }
    }

    /** Silences in force at some time in [from, to): made before its end and not ended before its start. */
    public List<Silence> silencesDuring(Instant from, Instant to, java.time.ZoneId zone) throws SQLException {
        java.time.LocalDate firstDay = java.time.LocalDate.ofInstant(from, zone);
        return new SilenceStore(ds).all().stream()
                .filter(s -> s.createdAt().isBefore(to) && !s.endsOn().isBefore(firstDay)).toList();
    }

    /** The latest month of data loaded before the instant, if any. */
    public Optional<YearMonth> latestMonthLoadedBefore(Instant to) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(obs_month) FROM observation WHERE loaded_at < ?")) {
            ps.setObject(1, to.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String m = rs.getString(1);
                return m == null ? Optional.empty() : Optional.of(YearMonth.parse(m.trim()));
            }
        }
    }

    /** For every metric with any data: the latest month it has a figure for (any area), up to the month given. */
    public Map<String, YearMonth> lastMonthByMetric(YearMonth upTo) throws SQLException {
        Map<String, YearMonth> out = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT metric, MAX(obs_month) FROM observation WHERE obs_month <= ? GROUP BY metric")) {
            ps.setString(1, upTo.toString());
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.put(rs.getString(1), YearMonth.parse(rs.getString(2).trim())); }
        }
        return out;
    }

    private static Map<String, Object> evidence(String json) {
        if (json == null) return Map.of();
        try { return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }); }
        catch (JsonProcessingException e) { throw new IllegalStateException("stored evidence is not valid JSON: " + json, e); }
    }
}
