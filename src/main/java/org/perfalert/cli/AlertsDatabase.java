package org.perfalert.cli;

import org.perfalert.config.Settings;
import org.perfalert.store.Store;
import org.perfalert.store.StoreException;

import javax.sql.DataSource;

/** The store for the alert commands (silence, ack, recipients): a store that cannot be opened is the user's to fix. */
final class AlertsDatabase implements AutoCloseable {
    private final Store store;

    private AlertsDatabase(Store store) { this.store = store; }

    static AlertsDatabase open(Settings s) {
        try {
            return new AlertsDatabase(Store.open(s));
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    DataSource dataSource() { return store.dataSource(); }

    @Override
    public void close() { store.close(); }
}
