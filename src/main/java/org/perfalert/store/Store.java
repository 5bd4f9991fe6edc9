package org.perfalert.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.perfalert.config.Settings;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The database: a connection pool on store.url (H2 file by default, PostgreSQL by setting), with the
 * schema brought up to date by the Flyway migrations in db/migration when opened.
 * An H2 file store is opened with WRITE_DELAY=0: a commit has been written to the file when it returns, so a
 * killed process loses nothing it committed (docs/operations.md). A store.url that holds a password is refused.
 */
public final class Store implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Clock clock;

    private Store(HikariDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Opens the store named by the settings store.url, store.user and store.password. */
    public static Store open(Settings settings) {
        return open(settings.get("store.url"), settings.get("store.user"), settings.get("store.password"), Clock.systemUTC());
    }

    /** How long a job waits for a connection of the pool before it is told the store does not answer. */
    static final long CONNECTION_WAIT_MS = 5_000;

    /** Opens a store and runs the migrations; clock stamps loads and revisions. */
    public static Store open(String url, String user, String password, Clock clock) {
        refusePassword(url);
        url = durable(url);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(0);
        // A store that is down is said so within seconds (Hikari's default wait is 30 s): each job fails its try and
        // tries again at its next period, and the health endpoint answers while the store is away (docs/operations.md).
        hc.setConnectionTimeout(CONNECTION_WAIT_MS);
        hc.setValidationTimeout(CONNECTION_WAIT_MS / 2);
        hc.setPoolName("perfalert-store");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + url + ": " + rootMessage(e)
                    + " (check store.url, store.user and PERFALERT_STORE_PASSWORD)", e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot bring the store's schema at " + url + " up to date: " + rootMessage(e), e);
        }
        return new Store(ds, clock);
    }

    /**
     * H2 keeps commits in memory for up to WRITE_DELAY ms (500 by default) before writing them to the file; a killed
     * process loses them. With 0 the MVStore writes each commit's chunk to the file before the commit returns.
     */
    static String durable(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.contains("WRITE_DELAY")) return url;
        return url + ";WRITE_DELAY=0";
    }

    /** As the sources do (sources.yaml): a password belongs in PERFALERT_STORE_PASSWORD, never in the URL (it gets printed). */
    static void refusePassword(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || USER_INFO.matcher(url).find())
            throw new StoreException("store.url holds a password; remove it from the URL and give it in the environment"
                    + " variable PERFALERT_STORE_PASSWORD (store.user names the account)", null);
    }

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*:[^/@?;]*@");

    public DataSource dataSource() { return dataSource; }

    public Clock clock() { return clock; }

    /** The observations and their revision history. */
    public ObservationStore observations() { return new ObservationStore(dataSource, clock); }

    @Override
    public void close() { dataSource.close(); }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
