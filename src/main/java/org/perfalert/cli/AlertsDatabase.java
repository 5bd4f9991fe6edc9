package org.perfalert.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.perfalert.config.Settings;

import javax.sql.DataSource;

/**
 * Opens the store named by store.url / store.user / store.password and brings its schema up to date, for the
 * alert commands (silence, ack, recipients).
 */
final class AlertsDatabase implements AutoCloseable {
    private final HikariDataSource ds;

    private AlertsDatabase(HikariDataSource ds) { this.ds = ds; }

    static AlertsDatabase open(Settings s) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(s.get("store.url"));
        hc.setUsername(s.get("store.user", ""));
        hc.setPassword(s.get("store.password", ""));
        hc.setMaximumPoolSize(4);
        hc.setPoolName("perfalert-cli");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new UserError("cannot open the store " + s.get("store.url") + ": " + e.getMessage()
                    + " (check store.url, store.user and PERFALERT_STORE_PASSWORD)");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new AlertsDatabase(ds);
    }

    DataSource dataSource() { return ds; }

    @Override
    public void close() { ds.close(); }
}
