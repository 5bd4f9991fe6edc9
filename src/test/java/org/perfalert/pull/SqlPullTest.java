package org.perfalert.pull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse pulled by SQL: a second database (H2, and PostgreSQL when PERFALERT_TEST_PG_URL is set) holds
 * the figures under its own column names; the query renames them and takes the months as parameters.
 */
class SqlPullTest {
    static final String PASSWORD_ENV = "WAREHOUSE_PASSWORD";
    static final String QUERY = "SELECT period AS \"month\", measure AS metric, place AS area, figure AS \"value\", num AS numerator, den AS denominator"
            + " FROM {table} WHERE period BETWEEN :from AND :to ORDER BY period, measure, place";

    /** This run's own schema on a shared PostgreSQL server, so runs never see each other's warehouse. */
    static final String SCHEMA = "pull_warehouse_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir Path dir;

    @AfterAll
    static void dropSchema() {
        String url = System.getenv("PERFALERT_TEST_PG_URL");
        if (url == null || url.isBlank()) return;
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("PERFALERT_TEST_PG_USER", "perfalert"),
                System.getenv().getOrDefault("PERFALERT_TEST_PG_PASSWORD", "")); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException ignored) {
            // unreachable server: the tests using it were skipped or failed already
        }
    }

    /** A warehouse with a table of figures; url, user and password to reach it, and the table's name. */
    record Warehouse(String url, String user, String password, String table) {
        void execute(String... sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                for (String s : sql) st.execute(s.replace("{table}", table));
            }
        }

        String sourcesYaml(String query) {
            return "sources:\n  - name: warehouse\n    kind: sql\n    schedule: \"0 0 6 * * ?\"\n    url: " + url + "\n    user: " + user
                    + "\n    password_env: " + PASSWORD_ENV + "\n    query: |\n      " + query.replace("{table}", table) + "\n";
        }
    }

    static Warehouse warehouse(String target) throws SQLException {
        Warehouse w;
        if (target.equals("h2")) {
            w = new Warehouse("jdbc:h2:mem:warehouse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "reader", "s3cret", "monthly_figures");
        } else {
            String url = System.getenv("PERFALERT_TEST_PG_URL");
            boolean required = "true".equalsIgnoreCase(System.getenv("PERFALERT_TEST_REQUIRE_PG"));
            if (url == null || url.isBlank()) {
                if (required) Assertions.fail("PERFALERT_TEST_REQUIRE_PG is true but PERFALERT_TEST_PG_URL is not set");
                Assumptions.abort("no PostgreSQL server: set PERFALERT_TEST_PG_URL, _USER and _PASSWORD to run this test on one");
            }
            w = new Warehouse(url, System.getenv().getOrDefault("PERFALERT_TEST_PG_USER", "perfalert"),
                    System.getenv().getOrDefault("PERFALERT_TEST_PG_PASSWORD", ""), SCHEMA + ".monthly_figures");
            try {
                w.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
            } catch (SQLException e) {
                if (required) Assertions.fail("PostgreSQL at " + url + " is required but unreachable: " + e.getMessage(), e);
                Assumptions.abort("PostgreSQL at " + url + " is unreachable: " + e.getMessage());
            }
        }
        w.execute("CREATE TABLE {table} (period VARCHAR(7), measure VARCHAR(60), place VARCHAR(60), figure DECIMAL(12,2), num INTEGER, den INTEGER)",
                "INSERT INTO {table} VALUES ('2026-02', 'calls_999', 'Fenland', 99, NULL, NULL)", // before the months asked for
                "INSERT INTO {table} VALUES ('2026-03', 'calls_999', 'Fenland', 120, NULL, NULL)",
                "INSERT INTO {table} VALUES ('2026-04', 'calls_999', 'Fenland', 130, NULL, NULL)",
                "INSERT INTO {table} VALUES ('2026-05', 'calls_999', 'Fenland', 125, NULL, NULL)",
                "INSERT INTO {table} VALUES ('2026-05', 'ppo_rate_da', 'Cambridgeshire', 12.5, 100, 800)");
        return w;
    }

    @ParameterizedTest(name = "warehouse on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void pullsTheMonthsAskedForThenARepeatChangesNothingAndAChangedFigureIsOneRevision(String target) throws Exception {
        Warehouse w = warehouse(target);
        try (PullFixture f = new PullFixture(dir, Map.of(PASSWORD_ENV, w.password()))) {
            Source source = f.source(w.sourcesYaml(QUERY));

            PullResult first = f.puller.pull(source); // scheduled: the 3 complete months before June 2026

            assertThat(first.ok()).as(first.render()).isTrue();
            assertThat(first.window()).isEqualTo(new PullWindow(YearMonth.of(2026, 3), YearMonth.of(2026, 5)));
            assertThat(f.store.observations().all()).containsExactlyInAnyOrder(
                    new Observation(YearMonth.of(2026, 3), "calls_999", AreaType.DISTRICT, "Fenland", 120, null, null),
                    new Observation(YearMonth.of(2026, 4), "calls_999", AreaType.DISTRICT, "Fenland", 130, null, null),
                    new Observation(YearMonth.of(2026, 5), "calls_999", AreaType.DISTRICT, "Fenland", 125, null, null),
                    new Observation(YearMonth.of(2026, 5), "ppo_rate_da", AreaType.FORCE, "Cambridgeshire", 12.5, 100L, 800L));
            assertThat(first.touchedMonths()).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));

            PullResult again = f.puller.pull(source);
            assertThat(again.ok()).isTrue();
            assertThat(again.touchedMonths()).isEmpty();
            assertThat(again.loads().get(0).outcome().unchanged()).isEqualTo(4);

            w.execute("UPDATE {table} SET figure = 131 WHERE period = '2026-04' AND measure = 'calls_999'");
            PullResult revised = f.puller.pull(source);
            assertThat(revised.touchedMonths()).containsExactly(YearMonth.of(2026, 4));
            assertThat(revised.loads().get(0).outcome().revisions()).hasSize(1);
            SeriesKey fenland = new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland");
            assertThat(f.store.observations().revisions(fenland, YearMonth.of(2026, 4)))
                    .singleElement().satisfies(r -> {
                        assertThat(r.oldValue()).isEqualTo(130.0);
                        assertThat(r.newValue()).isEqualTo(131.0);
                    });
            assertThat(f.outbox()).isEmpty();
        }
    }

    @ParameterizedTest(name = "warehouse on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aBadRowRefusesTheWholeBatchAndLeavesTheStoreAsItWas(String target) throws Exception {
        Warehouse w = warehouse(target);
        w.execute("INSERT INTO {table} VALUES ('2026-04', 'no_such_metric', 'Fenland', 1, NULL, NULL)");
        try (PullFixture f = new PullFixture(dir, Map.of(PASSWORD_ENV, w.password()))) {
            PullResult r = f.puller.pull(f.source(w.sourcesYaml(QUERY)));

            assertThat(r.ok()).isFalse();
            assertThat(r.failure()).contains("refused").contains("no_such_metric");
            assertThat(r.render()).contains("REFUSED").contains("FAILED");
            assertThat(f.store.observations().all()).isEmpty();
            assertThat(f.health.state("warehouse").failures()).isEqualTo(1);
        }
    }

    @Test
    void theMonthGivenIsTheOnlyMonthAskedFor() throws Exception {
        Warehouse w = warehouse("h2");
        try (PullFixture f = new PullFixture(dir, Map.of(PASSWORD_ENV, w.password()))) {
            PullResult r = f.puller.pull(f.source(w.sourcesYaml(QUERY)), PullWindow.of(YearMonth.of(2026, 2)));

            assertThat(r.ok()).isTrue();
            assertThat(f.store.observations().all()).containsExactly(
                    new Observation(YearMonth.of(2026, 2), "calls_999", AreaType.DISTRICT, "Fenland", 99, null, null));
        }
    }

    @Test
    void aWarehouseThatIsDownOrRefusesTheLoginIsReportedAndStoresNothing() throws Exception {
        Warehouse w = warehouse("h2");
        try (PullFixture f = new PullFixture(dir, Map.of(PASSWORD_ENV, "wrong"))) {
            PullResult wrongPassword = f.puller.pull(f.source(w.sourcesYaml(QUERY)));
            assertThat(wrongPassword.ok()).isFalse();
            assertThat(wrongPassword.failure()).contains("the warehouse at " + w.url() + " failed");

            Source down = f.source(new Warehouse("jdbc:h2:tcp://127.0.0.1:1/nothing", "reader", "x", "t").sourcesYaml(QUERY));
            PullResult r = f.puller.pull(down);
            assertThat(r.ok()).isFalse();
            assertThat(r.failure()).contains("jdbc:h2:tcp://127.0.0.1:1/nothing");
            assertThat(f.store.observations().all()).isEmpty();
        }
    }

    @Test
    void aPasswordVariableThatIsNotSetIsNamed() throws Exception {
        Warehouse w = warehouse("h2");
        try (PullFixture f = new PullFixture(dir, Map.of())) {
            PullResult r = f.puller.pull(f.source(w.sourcesYaml(QUERY)));
            assertThat(r.failure()).contains("environment variable " + PASSWORD_ENV + " is not set");
        }
    }
}
