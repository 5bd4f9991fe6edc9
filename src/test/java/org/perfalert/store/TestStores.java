package org.perfalert.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * The stores tests run against: an H2 file database in a temporary folder and, when
 * PERFALERT_TEST_PG_URL (with _USER and _PASSWORD) is set, a real PostgreSQL server, in a schema of this
 * test run's own (emptied before each test, dropped when the run ends), so runs never see each other's data. With PERFALERT_TEST_REQUIRE_PG=true (CI) a missing or unreachable server fails the
 * test; without it, the PostgreSQL case is skipped.
 */
public final class TestStores {
    public static final String H2 = "h2", POSTGRESQL = "postgresql";
    private static final String SCHEMA = "ingest_test_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static boolean dropAtExit;

    private TestStores() { }

    /** For @MethodSource: the names of the targets. */
    public static Stream<String> targets() { return Stream.of(H2, POSTGRESQL); }

    /** A fresh, migrated, empty store on the target. */
    public static Store open(String target, Path tempDir, Clock clock) {
        if (H2.equals(target))
            return Store.open("jdbc:h2:file:" + tempDir.resolve("store").toAbsolutePath(), "sa", "", clock);
        String url = System.getenv("PERFALERT_TEST_PG_URL");
        String user = System.getenv().getOrDefault("PERFALERT_TEST_PG_USER", "perfalert");
        String password = System.getenv().getOrDefault("PERFALERT_TEST_PG_PASSWORD", "");
        boolean required = "true".equalsIgnoreCase(System.getenv("PERFALERT_TEST_REQUIRE_PG"));
        if (url == null || url.isBlank()) {
            if (required) Assertions.fail("PERFALERT_TEST_REQUIRE_PG is true but PERFALERT_TEST_PG_URL is not set");
            Assumptions.abort("no PostgreSQL server: set PERFALERT_TEST_PG_URL, _USER and _PASSWORD to run this test on one");
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
            dropAtExit(url, user, password);
        } catch (SQLException e) {
            if (required) Assertions.fail("PostgreSQL at " + url + " is required but unreachable: " + e.getMessage(), e);
            Assumptions.abort("PostgreSQL at " + url + " is unreachable: " + e.getMessage());
        }
        return Store.open(pgUrl(), user, password, clock);
    }

    /** The PostgreSQL URL of this run's schema (after open). */
    public static String pgUrl() {
        String url = System.getenv("PERFALERT_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static synchronized void dropAtExit(String url, String user, String password) {
        if (dropAtExit) return;
        dropAtExit = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException ignored) {
                // the server may be gone already; the schema's name marks it as a test leftover
            }
        }));
    }
}
