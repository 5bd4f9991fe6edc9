package org.perfalert.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.perfalert.config.Settings;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The database: a connection pool on store.url (H2 file by default, PostgreSQL by setting), with the
 * schema brought up to date by the Flyway migrations in db/migration when opened.
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

    /** Opens a store and runs the migrations; clock stamps loads and revisions. */
    public static Store open(String url, String user, String password, Clock clock) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(0);
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
