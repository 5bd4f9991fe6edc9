package org.perfalert.store;

/** The store cannot be opened or written; the message says what and what to check. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
