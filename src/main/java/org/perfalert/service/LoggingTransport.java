package org.perfalert.service;

import org.perfalert.notify.MailTransport;
import org.perfalert.notify.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one structured log line per email handed over or refused, around the real transport. */
public final class LoggingTransport implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.mail");
    private final MailTransport transport;

    public LoggingTransport(MailTransport transport) { this.transport = transport; }

    @Override
    public void send(OutboxEntry mail) throws Exception {
        try {
            transport.send(mail);
            LOG.info("email sent id={} to={} run={} attempt={} subject=\"{}\"", mail.id(), mail.recipient(), mail.runId(),
                    mail.attempts() + 1, mail.subject());
        } catch (Exception e) {
            LOG.warn("email failed id={} to={} run={} attempt={} error=\"{}\"", mail.id(), mail.recipient(), mail.runId(),
                    mail.attempts() + 1, e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() { transport.close(); }
}
