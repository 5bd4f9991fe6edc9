package org.perfalert.store;

import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Stored observations (CONTRACT.md 1.4). Loading the same figures again changes nothing; a different
 * figure is a revision: the new one wins and the old one is kept in observation_revision.
 */
public final class ObservationStore {
    private static final String COLUMNS = "obs_month, metric, area_type, area, obs_value, numerator, denominator";
    private static final Comparator<Observation> ORDER =
            Comparator.comparing(Observation::month).thenComparing(Observation::key);

    private final DataSource dataSource;
    private final Clock clock;

    public ObservationStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** More work in a load's transaction, knowing what the load changed (the file's fate, the months now owed). */
    @FunctionalInterface
    public interface InSameTransaction {
        void in(Connection c, LoadOutcome outcome) throws SQLException;
    }

    /** Stores one file's observations in one transaction: all of them or, on failure, none. */
    public LoadOutcome load(String source, List<Observation> observations) {
        return load(source, observations, (c, outcome) -> { });
    }

    /** The same, with more work committed in the same transaction (or rolled back with it). */
    public LoadOutcome load(String source, List<Observation> observations, InSameTransaction also) {
        Map<List<Object>, Observation> incoming = new LinkedHashMap<>();
        observations.forEach(o -> incoming.put(id(o), o)); // a later duplicate wins, as between files
        try {
            return Transactions.write(dataSource, "store " + source, c -> {
                LoadOutcome outcome = load(c, source, incoming);
                also.in(c, outcome);
                return outcome;
            });
        } catch (StoreException e) {
            throw new StoreException(e.getMessage() + " (nothing of it was stored)", e.getCause());
        }
    }

    private LoadOutcome load(Connection c, String source, Map<List<Object>, Observation> incoming) throws SQLException {
        Map<List<Object>, Stored> existing = existing(c, incoming.values());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Observation> added = new ArrayList<>();
        List<Revision> revisions = new ArrayList<>();
        List<Observation> revisedObs = new ArrayList<>();
        int unchanged = 0;
        SortedSet<YearMonth> touched = new TreeSet<>();
        for (var e : incoming.entrySet()) {
            Observation o = e.getValue();
            Stored old = existing.get(e.getKey());
            if (old == null) {
                added.add(o);
                touched.add(o.month());
            } else if (sameFigures(old.obs, o)) {
                unchanged++;
            } else {
                revisedObs.add(o);
                revisions.add(new Revision(o.key(), o.month(), old.obs.value(), old.obs.numerator(), old.obs.denominator(),
                        old.source, o.value(), o.numerator(), o.denominator(), source, now.toInstant()));
                touched.add(o.month());
            }
        }
        insert(c, added, source, now);
        update(c, revisedObs, source, now);
        insertRevisions(c, revisions, now);
        return new LoadOutcome(added.size(), unchanged, revisedObs.size(), touched, revisions);
    }

    private static boolean sameFigures(Observation a, Observation b) {
        return Double.compare(a.value(), b.value()) == 0
                && Objects.equals(a.numerator(), b.numerator()) && Objects.equals(a.denominator(), b.denominator());
    }

    private record Stored(Observation obs, String source) { }

    /** The stored rows of the months the incoming observations are for. */
    private static Map<List<Object>, Stored> existing(Connection c, Collection<Observation> incoming) throws SQLException {
        List<String> months = incoming.stream().map(o -> o.month().toString()).distinct().sorted().toList();
        Map<List<Object>, Stored> out = new HashMap<>();
        for (int from = 0; from < months.size(); from += 200) {
            List<String> chunk = months.subList(from, Math.min(months.size(), from + 200));
            String sql = "SELECT " + COLUMNS + ", source FROM observation WHERE obs_month IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Observation o = read(rs);
                        out.put(id(o), new Stored(o, rs.getString("source")));
                    }
                }
            }
        }
        return out;
    }

    private static void insert(Connection c, List<Observation> obs, String source, OffsetDateTime now) throws SQLException {
        if (obs.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO observation (" + COLUMNS
                + ", source, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation o : obs) {
                ps.setString(1, o.month().toString());
                ps.setString(2, o.metric());
                ps.setString(3, o.areaType().id());
                ps.setString(4, o.area());
                setFigures(ps, 5, o);
                ps.setString(8, source);
                ps.setObject(9, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void update(Connection c, List<Observation> obs, String source, OffsetDateTime now) throws SQLException {
        if (obs.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE observation SET obs_value = ?, numerator = ?, denominator = ?,"
                + " source = ?, loaded_at = ? WHERE metric = ? AND area_type = ? AND area = ? AND obs_month = ?")) {
            for (Observation o : obs) {
                setFigures(ps, 1, o);
                ps.setString(4, source);
                ps.setObject(5, now);
                ps.setString(6, o.metric());
                ps.setString(7, o.areaType().id());
                ps.setString(8, o.area());
                ps.setString(9, o.month().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRevisions(Connection c, List<Revision> revisions, OffsetDateTime now) throws SQLException {
        if (revisions.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO observation_revision (obs_month, metric, area_type, area,"
                + " old_value, old_numerator, old_denominator, old_source, new_value, new_numerator, new_denominator, source, revised_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Revision r : revisions) {
                ps.setString(1, r.month().toString());
                ps.setString(2, r.key().metric());
                ps.setString(3, r.key().areaType().id());
                ps.setString(4, r.key().area());
                ps.setDouble(5, r.oldValue());
                setLong(ps, 6, r.oldNumerator());
                setLong(ps, 7, r.oldDenominator());
                ps.setString(8, r.oldSource());
                ps.setDouble(9, r.newValue());
                setLong(ps, 10, r.newNumerator());
                setLong(ps, 11, r.newDenominator());
                ps.setString(12, r.source());
                ps.setObject(13, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every stored observation, ordered by month, metric, area type and area. */
    public List<Observation> all() {
        return query("SELECT " + COLUMNS + " FROM observation", null);
    }

    /** The stored observations of months up to and including the month given (history for evaluating it). */
    public List<Observation> upTo(YearMonth month) {
        return query("SELECT " + COLUMNS + " FROM observation WHERE obs_month <= ?", month.toString());
    }

    /** True when any observation of the month is stored. */
    public boolean has(YearMonth month) {
        return Transactions.read(dataSource, "read the store", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM observation WHERE obs_month = ?")) {
                ps.setString(1, month.toString());
                try (ResultSet rs = ps.executeQuery()) { return rs.next() && rs.getLong(1) > 0; }
            }
        });
    }

    /** One metric's stored observations of the months from..to, every area (to chart one of its series). */
    public List<Observation> ofMetric(String metric, YearMonth from, YearMonth to) {
        return Transactions.read(dataSource, "read the store", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM observation WHERE metric = ? AND obs_month >= ?"
                    + " AND obs_month <= ?")) {
                ps.setString(1, metric);
                ps.setString(2, from.toString());
                ps.setString(3, to.toString());
                List<Observation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.add(read(rs)); }
                out.sort(ORDER);
                return out;
            }
        });
    }

    /** The latest month with any stored observation. */
    public Optional<YearMonth> latestMonth() {
        return Transactions.read(dataSource, "read the store", c -> month(c, "SELECT MAX(obs_month) FROM observation", null));
    }

    /** The latest month of data loaded before the instant, if any (what the digest's board table shows). */
    public Optional<YearMonth> latestMonthLoadedBefore(Instant to) {
        return Transactions.read(dataSource, "read the store", c -> month(c, "SELECT MAX(obs_month) FROM observation WHERE loaded_at < ?",
                to.atOffset(ZoneOffset.UTC)));
    }

    /** For every metric with any data: the latest month it has a figure for (any area), up to the month given. */
    public Map<String, YearMonth> lastMonthByMetric(YearMonth upTo) {
        return Transactions.read(dataSource, "read the store", c -> {
            Map<String, YearMonth> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT metric, MAX(obs_month) FROM observation WHERE obs_month <= ? GROUP BY metric")) {
                ps.setString(1, upTo.toString());
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) out.put(rs.getString(1), YearMonth.parse(rs.getString(2).trim())); }
            }
            return out;
        });
    }

    /** The revisions of one series in one month, oldest first. */
    public List<Revision> revisions(SeriesKey key, YearMonth month) {
        String sql = "SELECT * FROM observation_revision WHERE metric = ? AND area_type = ? AND area = ? AND obs_month = ? ORDER BY id";
        return Transactions.read(dataSource, "read the store", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key.metric());
                ps.setString(2, key.areaType().id());
                ps.setString(3, key.area());
                ps.setString(4, month.toString());
                List<Revision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        out.add(new Revision(key, month, rs.getDouble("old_value"), getLong(rs, "old_numerator"),
                                getLong(rs, "old_denominator"), rs.getString("old_source"), rs.getDouble("new_value"),
                                getLong(rs, "new_numerator"), getLong(rs, "new_denominator"), rs.getString("source"),
                                rs.getObject("revised_at", OffsetDateTime.class).toInstant()));
                }
                return out;
            }
        });
    }

    private static Optional<YearMonth> month(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String m = rs.getString(1);
                return m == null ? Optional.empty() : Optional.of(YearMonth.parse(m.trim()));
            }
        }
    }

    private List<Observation> query(String sql, String param) {
        return Transactions.read(dataSource, "read the store", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) ps.setString(1, param);
                ps.setFetchSize(1000);
                List<Observation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                out.sort(ORDER);
                return out;
            }
        });
    }

    private static Observation read(ResultSet rs) throws SQLException {
        return new Observation(YearMonth.parse(rs.getString("obs_month").trim()), rs.getString("metric"),
                AreaType.parse(rs.getString("area_type")), rs.getString("area"), rs.getDouble("obs_value"),
                getLong(rs, "numerator"), getLong(rs, "denominator"));
    }

    private static List<Object> id(Observation o) {
        return List.of(o.month(), o.metric(), o.areaType(), o.area());
    }

    private static void setFigures(PreparedStatement ps, int at, Observation o) throws SQLException {
        ps.setDouble(at, o.value());
        setLong(ps, at + 1, o.numerator());
        setLong(ps, at + 2, o.denominator());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
    }

    private static Long getLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
