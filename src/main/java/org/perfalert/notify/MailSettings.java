package org.perfalert.notify;

import org.perfalert.config.Settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The mail settings (CONTRACT.md 4.1): mail.mode (smtp | file), mail.file.dir, mail.smtp.host, mail.smtp.port,
 * mail.smtp.starttls, mail.smtp.user, mail.from; the SMTP password only from the environment variable
 * PERFALERT_MAIL_SMTP_PASSWORD. Logging in (mail.smtp.user) without STARTTLS is refused unless
 * mail.smtp.allow-plaintext=true says the link is trusted. Defaults: {@link Settings#DEFAULTS}.
 */
public record MailSettings(String mode, Path fileDir, String host, int port, boolean starttls, String user,
                           String password, String from) {

    public static MailSettings from(Settings s) {
        String mode = s.get("mail.mode").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("smtp") && !mode.equals("file"))
            throw new IllegalArgumentException("mail.mode \"" + mode + "\" is not known (use smtp or file)");
        String portText = s.get("mail.smtp.port").trim();
        int port;
        try { port = Integer.parseInt(portText); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("mail.smtp.port \"" + portText + "\" is not a port number"); }
        String from = s.get("mail.from").trim();
        HeaderSafety.address(from, "perfalert", "mail.from");
        boolean starttls = Boolean.parseBoolean(s.get("mail.smtp.starttls").trim());
        String user = s.get("mail.smtp.user").trim();
        if (mode.equals("smtp") && !user.isEmpty() && !starttls && !Boolean.parseBoolean(s.get("mail.smtp.allow-plaintext").trim()))
            throw new IllegalArgumentException("mail.smtp.user is set but mail.smtp.starttls is false: the SMTP password would"
                    + " cross the network in clear text. Set mail.smtp.starttls=true (the server must offer STARTTLS), or, for a"
                    + " server on this machine or a trusted link only, mail.smtp.allow-plaintext=true");
        return new MailSettings(mode, s.getPath("mail.file.dir"), s.get("mail.smtp.host").trim(), port,
                starttls, user, s.get("mail.smtp.password"), from);
    }

    /** The transport these settings name. */
    public MailTransport transport() {
        return mode.equals("smtp") ? new SmtpTransport(this) : new FileTransport(fileDir);
    }
}
