package org.perfalert.notify;

import jakarta.mail.*;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends outbox emails over SMTP with Jakarta Mail. The stored MIME text is sent as it is: its Message-ID is
 * the outbox row's, so a retry of the same row carries the same Message-ID.
 */
public class SmtpTransport implements MailTransport {
    private final MailSettings settings;
    private final Session session;
    private Transport transport;

    public SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        if (settings.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!settings.user().isEmpty()) p.put("mail.smtp.auth", "true");
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(OutboxEntry mail) throws MessagingException {
        MimeMessage msg = new StoredMessage(session, mail.mime());
        Address[] to = {new InternetAddress(mail.recipient(), true)};
        try {
            connected().sendMessage(msg, to);
        } catch (MessagingException e) {
            close(); // a fresh connection next time
            throw e;
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport("smtp");
            if (settings.user().isEmpty()) transport.connect();
            else transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        }
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            try { transport.close(); } catch (MessagingException ignored) { /* already gone */ }
            transport = null;
        }
    }

    /** A parsed stored message that keeps its own Message-ID when Jakarta Mail saves changes. */
    static final class StoredMessage extends MimeMessage {
        StoredMessage(Session s, String mime) throws MessagingException {
            super(s, new ByteArrayInputStream(mime.getBytes(StandardCharsets.ISO_8859_1)));
        }

        @Override
        protected void updateMessageID() { /* keep the outbox row's Message-ID */ }
    }
}
