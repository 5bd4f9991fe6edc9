package org.perfalert.notify;

import org.perfalert.config.Settings;

import java.util.Locale;

/**
 * The mailbox leads' replies go to (docs/acknowledging.md): {@code mail.imap.host} (none: no reading, and emails
 * carry no Reply-To), {@code mail.imap.port} (143), {@code mail.imap.user}, {@code mail.imap.starttls} (true),
 * {@code mail.imap.poll.ms} (60000), {@code mail.imap.address} (the address replies go to; default the user, when that
 * is an address); the password from the environment variable {@code PERFALERT_MAIL_IMAP_PASSWORD} only.
 */
public record ReplyMailbox(String host, int port, String user, String password, boolean starttls, long pollMs, String address) {
    public static final String PASSWORD = "PERFALERT_MAIL_IMAP_PASSWORD";

    /** The mailbox of the settings, or null when mail.imap.host is not set; a wrong setting is an error naming it. */
    public static ReplyMailbox from(Settings s) {
        String host = s.get("mail.imap.host").trim();
        if (host.isEmpty()) return null;
        int port = s.getInt("mail.imap.port");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("mail.imap.port " + port + " is not a port number");
        long poll = s.getLong("mail.imap.poll.ms");
        if (poll < 100) throw new IllegalArgumentException("mail.imap.poll.ms " + poll + " is too short (at least 100; default 60000)");
        String user = s.get("mail.imap.user").trim();
        String address = s.get("mail.imap.address").trim();
        if (address.isEmpty()) address = user;
        if (address.isEmpty() || !address.contains("@"))
            throw new IllegalArgumentException("mail.imap.host is set, but neither mail.imap.address nor mail.imap.user is the "
                    + "mailbox's email address (set mail.imap.address to the address replies should go to)");
        HeaderSafety.address(address, null, "mail.imap.address");
        return new ReplyMailbox(host, port, user, s.secret(PASSWORD), !s.get("mail.imap.starttls").trim().toLowerCase(Locale.ROOT).equals("false"),
                poll, address);
    }

    @Override
    public String toString() {   // never the password
        return user + "@" + host + ":" + port + (starttls ? " (STARTTLS)" : "");
    }
}
