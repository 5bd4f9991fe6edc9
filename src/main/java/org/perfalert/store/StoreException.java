package org.perfalert.store;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** The store cannot be opened, read or written; the message says what and what to check. Unchecked. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }

    /** True when the write broke a unique key: another run (or instance) stored the same thing first. */
    public boolean isDuplicateKey() {
        for (Throwable t = getCause(); t != null; t = t.getCause())
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
        return false;
    }
}
