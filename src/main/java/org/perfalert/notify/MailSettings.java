package org.perfalert.notify;

import org.perfalert.config.Settings;

import java.nio.file.Path;

/**
 * The mail settings (CONTRACT.md 4.1): mail.mode (smtp | file), mail.file.dir, mail.smtp.host, mail.smtp.port,
 * mail.smtp.starttls, mail.smtp.user, mail.from; the SMTP password only from the environment variable
 * PERFALERT_MAIL_SMTP_PASSWORD.
 */
public record MailSettings(String mode, Path fileDir, String host, int port, boolean starttls, String user,
                           String password, String from) {

    public static MailSettings from(Settings s) {
        String mode = s.get("mail.mode", "file").trim().toLowerCase();
        if (!mode.equals("smtp") && !mode.equals("file"))
            throw new IllegalArgumentException("mail.mode \"" + mode + "\" is not known (use smtp or file)");
        String portText = s.get("mail.smtp.port", "25").trim();
        int port;
        try { port = Integer.parseInt(portText); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("mail.smtp.port \"" + portText + "\" is not a port number"); }
        String from = s.get("mail.from", "perfalert@localhost").trim();
        HeaderSafety.address(from, "perfalert", "mail.from");
        return new MailSettings(mode, Path.of(s.get("mail.file.dir", "out/mail").trim()), s.get("mail.smtp.host", "localhost").trim(),
                port, Boolean.parseBoolean(s.get("mail.smtp.starttls", "false").trim()), s.get("mail.smtp.user", "").trim(),
                s.get("mail.smtp.password", ""), from);
    }

    /** The transport these settings name. */
    public MailTransport transport() {
        return mode.equals("smtp") ? new SmtpTransport(this) : new FileTransport(fileDir);
    }
}
