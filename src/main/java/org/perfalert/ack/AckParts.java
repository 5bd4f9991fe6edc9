package org.perfalert.ack;

import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.links.LinkSettings;
import org.perfalert.notify.ReplyMailbox;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The service's side of acknowledging, from its settings: the page behind the emails' links (when
 * PERFALERT_LINK_SECRET is set and the HTTP server runs) and the reader of replies (when mail.imap.host is set).
 * The service binds these as the beans of routes/acknowledge.camel.yaml and makes its routes only for what is on.
 */
public final class AckParts {
    private final AckPage page;
    private final String whyNoPage;
    private final ReplyMailbox mailbox;
    private final Replies replies;

    private AckParts(AckPage page, String whyNoPage, ReplyMailbox mailbox, Replies replies) {
        this.page = page;
        this.whyNoPage = whyNoPage;
        this.mailbox = mailbox;
        this.replies = replies;
    }

    /** config: the configuration in force at each use. A setting that is set but wrong throws IllegalArgumentException. */
    public static AckParts of(DataSource ds, Supplier<Configuration> config, Settings settings, Clock clock) {
        LinkSettings links = LinkSettings.from(settings);
        ReplyMailbox mailbox = ReplyMailbox.from(settings);
        return new AckParts(links.on() ? new AckPage(ds, config, links, clock) : null, links.whyOff(), mailbox,
                mailbox == null ? null : new Replies(ds, config, clock));
    }

    public boolean pageOn() { return page != null; }

    public boolean repliesOn() { return mailbox != null; }

    /** Bean "ackPage"; answers 404 when links are off (its route is then not made). */
    public AckHttp page() { return new AckHttp(page); }

    /** Bean "replies". */
    public ReplyStep replies() { return new ReplyStep(replies); }

    /** Bean "imapLogin": the mailbox's user and the password from the environment, never in a URI or a log. */
    public MailAuthenticator login() {
        String user = mailbox == null ? "" : mailbox.user(), password = mailbox == null || mailbox.password() == null ? "" : mailbox.password();
        return new MailAuthenticator() {
            @Override public PasswordAuthentication getPasswordAuthentication() { return new PasswordAuthentication(user, password); }
        };
    }

    /** Bean "imapProperties": STARTTLS required unless mail.imap.starttls=false, and time limits on a silent server. */
    public Properties imapProperties() {
        Properties p = new Properties();
        boolean tls = mailbox == null || mailbox.starttls();
        p.setProperty("mail.imap.starttls.enable", String.valueOf(tls));
        p.setProperty("mail.imap.starttls.required", String.valueOf(tls));
        p.setProperty("mail.imap.connectiontimeout", "30000");
        p.setProperty("mail.imap.timeout", "60000");
        return p;
    }

    /** For the start-up log line: the mailbox read, never its password. */
    public String describe() {
        return (page != null ? "page=on" : "page=off (" + whyNoPage + ")") + " replies="
                + (mailbox == null ? "off (mail.imap.host is not set)" : mailbox.toString());
    }
}
