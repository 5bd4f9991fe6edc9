package org.perfalert.alerts;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.*;
import org.perfalert.evaluate.Evaluation;
import org.perfalert.evaluate.SeriesHistory;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.*;
import java.util.*;

/** Shared test set-up: a migrated database, a small configuration on disk, exceptions, a clock we move by hand. */
public final class AlertTestSupport {
    private AlertTestSupport() { }

    /** A fresh in-memory H2 database with every migration applied. */
    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /**
     * PostgreSQL from PERFALERT_TEST_PG_URL/_USER/_PASSWORD, in a schema of its own (dropped by dropSchema), or
     * empty when the variables are not set (unless PERFALERT_TEST_REQUIRE_PG=true, when that is an error).
     */
    public static Optional<PGSimpleDataSource> postgres() throws SQLException {
        String url = System.getenv("PERFALERT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("PERFALERT_TEST_REQUIRE_PG")))
                throw new IllegalStateException("PERFALERT_TEST_REQUIRE_PG=true but PERFALERT_TEST_PG_URL is not set");
            return Optional.empty();
        }
        String schema = "alerts_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv("PERFALERT_TEST_PG_USER"));
        ds.setPassword(System.getenv("PERFALERT_TEST_PG_PASSWORD"));
        ds.setCurrentSchema(schema);
        Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").load().migrate();
        return Optional.of(ds);
    }

    public static void dropSchema(PGSimpleDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + ds.getCurrentSchema() + " CASCADE");
        }
    }

    /**
     * A configuration folder: burglary (owner burglary-lead), robbery (crime-lead), calls_999 (demand-hub);
     * the north commander also hears about Fenland and Peterborough. extraProperties go to application.properties.
     */
    public static Configuration config(Path dir, String extraProperties) throws IOException, ConfigException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.yaml"), """
                metrics:
                  - { id: burglary, label: Dwelling burglary, unit: count, better: down, theme: Offenders, owner: burglary-lead }
                  - { id: robbery, label: Robbery, unit: count, better: down, theme: Offenders, owner: crime-lead }
                  - { id: calls_999, label: 999 calls received, unit: count, better: neutral, theme: Demand, owner: demand-hub }
                """);
        Files.writeString(dir.resolve("areas.yaml"), """
                force: Cambridgeshire
                areas:
                  North: [Peterborough, Fenland]
                  South: [Cambridge]
                """);
        Files.writeString(dir.resolve("people.yaml"), """
                roles:
                  burglary-lead:
                    - { name: Bea Burglary, email: bea@example.org }
                  crime-lead:
                    - { name: Cris Crime, email: cris@example.org }
                  demand-hub:
                    - { name: Dee Demand, email: dee@example.org }
                  north-commander:
                    - { name: Nora North, email: nora@example.org }
                routes:
                  - { match: { area: Fenland }, role: north-commander }
                  - { match: { area: Peterborough }, role: north-commander }
                analysts: [analysts@example.org]
                """);
        Files.writeString(dir.resolve("application.properties"), "mail.from=perfalert@example.org\n" + extraProperties);
        return ConfigLoader.load(dir);
    }

    public static PerformanceException exception(String rule, String metric, String area, YearMonth month, Severity severity,
                                                 Direction direction, double value) {
        AreaType type = area.equals("Cambridgeshire") ? AreaType.FORCE
                : Set.of("North", "South").contains(area) ? AreaType.AREA : AreaType.DISTRICT;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("value", value);
        evidence.put("previous_max", value - 7.5);
        evidence.put("since", "2023-11");
        String headline = metric + " in " + area + " " + value + " in " + month + ": " + rule;
        return new PerformanceException(rule, metric, type, area, month, severity, direction, headline, evidence);
    }

    public static Set<SeriesKey> series(String metric, String... areas) {
        Set<SeriesKey> out = new HashSet<>();
        for (String a : areas) out.add(exception("r", metric, a, YearMonth.of(2000, 1), Severity.LOW, Direction.NEUTRAL, 0).seriesKey());
        return out;
    }

    /** Raises one month's exceptions through the alert stages; the emails draw their charts from {@link #HISTORY}. */
    public static RunSummary raise(AlertStages stages, YearMonth month, List<PerformanceException> found, Set<SeriesKey> evaluated,
                                   String runId) {
        return stages.process(new Evaluation(month, found, evaluated, HISTORY), runId);
    }

    /** Twenty-four plausible values for any series (a fake of the narrow history interface). */
    public static final SeriesHistory HISTORY = (series, from, to) -> {
        TreeMap<YearMonth, Double> v = new TreeMap<>();
        int i = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), i++) v.put(m, 100 + 10 * Math.sin(i / 3.0) + (m.equals(to) ? 25 : 0));
        return v;
    };

    /** A clock that stands still until moved. */
    public static final class TestClock extends Clock {
        private Instant now;

        public TestClock(Instant start) { this.now = start; }

        public void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
