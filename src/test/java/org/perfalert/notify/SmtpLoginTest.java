package org.perfalert.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfalert.alerts.AlertTestSupport;
import org.perfalert.config.Settings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP login: user from the settings, password only from PERFALERT_MAIL_SMTP_PASSWORD. */
class SmtpLoginTest {
    GreenMail smtp;

    @AfterEach
    void stop() { if (smtp != null) smtp.stop(); }

    Settings settings(String password) {
        Properties p = new Properties();
        p.setProperty("mail.mode", "smtp");
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        p.setProperty("mail.smtp.user", "perfalert");
        p.setProperty("mail.smtp.allow-plaintext", "true"); // GreenMail on the loopback, without TLS
        return new Settings(p, Map.of("PERFALERT_MAIL_SMTP_PASSWORD", password));
    }

    @Test
    void loggingInWithoutTlsIsRefusedUnlessThePlainTextLinkIsAllowed() {
        Properties p = new Properties();
        p.setProperty("mail.mode", "smtp");
        p.setProperty("mail.smtp.host", "mail.example.org");
        p.setProperty("mail.smtp.user", "perfalert");
        Settings settings = new Settings(p, Map.of("PERFALERT_MAIL_SMTP_PASSWORD", "s3cret"));

        assertThatThrownBy(() -> MailSettings.from(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.smtp.starttls=true").hasMessageContaining("mail.smtp.allow-plaintext=true")
                .hasMessageNotContaining("s3cret");
        p.setProperty("mail.smtp.starttls", "true");
        assertThat(MailSettings.from(settings).starttls()).isTrue();
        p.setProperty("mail.smtp.starttls", "false");
        p.setProperty("mail.smtp.allow-plaintext", "true");
        assertThat(MailSettings.from(settings).user()).isEqualTo("perfalert");
        p.remove("mail.smtp.allow-plaintext");
        p.remove("mail.smtp.user");   // no login, no password: nothing to protect
        assertThat(MailSettings.from(settings).user()).isEmpty();
    }

    @Test
    void logsInWithThePasswordFromTheEnvironment() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("perfalert@example.org", "perfalert", "s3cret");
        DataSource ds = AlertTestSupport.h2();
        Outbox outbox = new Outbox(ds);
        Instant now = Instant.parse("2025-04-02T08:00:00Z");
        String mime = "From: perfalert@example.org\r\nTo: lee@example.org\r\nSubject: hello\r\nMessage-ID: <t1@example.org>\r\n\r\nbody\r\n";
        try (Connection c = ds.getConnection()) {
            outbox.enqueue(c, "run", new RenderedEmail("lee@example.org", "hello", "<t1@example.org>", mime), now);
        }
        AlertTestSupport.TestClock clock = new AlertTestSupport.TestClock(now);

        OutboxSender wrong = new OutboxSender(outbox, MailSettings.from(settings("wrong")).transport(), clock, Backoff.DEFAULT);
        assertThat(wrong.sendDue().failed()).isEqualTo(1);
        assertThat(outbox.all().get(0).lastError()).isNotBlank();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(java.time.Duration.ofMinutes(1));
        OutboxSender right = new OutboxSender(outbox, MailSettings.from(settings("s3cret")).transport(), clock, Backoff.DEFAULT);
        assertThat(right.sendDue().sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> assertThat(m.getMessageID()).isEqualTo("<t1@example.org>"));
    }
}
