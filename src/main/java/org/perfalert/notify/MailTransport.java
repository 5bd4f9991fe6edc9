package org.perfalert.notify;

/** Where outbox emails go: an SMTP server or a folder of .eml files. */
public interface MailTransport extends AutoCloseable {
    /** Delivers one email; throws when it could not be handed over (the outbox will retry). */
    void send(OutboxEntry mail) throws Exception;

    @Override
    default void close() { }
}
