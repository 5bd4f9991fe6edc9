package org.perfalert.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way the stages talk to the database. A write runs in one transaction that is committed when the work
 * returns and rolled back when it throws, whatever it throws; SQL failures leave as {@link StoreException}, so no
 * checked SQLException reaches the stages. {@code what} names the work for the message ("store the alerts of 2025-03").
 */
public final class Transactions {
    private Transactions() { }

    /** Work on a connection; it may throw SQLException, the helper turns it into a StoreException. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction: all of it is stored, or none of it. */
    public static <T> T write(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read (or a single statement) on a connection of its own. */
    public static <T> T read(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs work inside the caller's transaction (a store class's part of a larger write). */
    public static <T> T within(Connection c, String what, Work<T> work) {
        try {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
