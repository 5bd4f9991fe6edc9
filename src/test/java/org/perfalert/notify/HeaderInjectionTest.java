package org.perfalert.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertStages;
import org.perfalert.alerts.AlertTestSupport.TestClock;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;

/** CR/LF smuggled in through a metric label, an area name, a headline or a person's name changes no header. */
class HeaderInjectionTest {
    @TempDir Path dir;
    GreenMail smtp;

    @AfterEach
    void stop() { smtp.stop(); }

    @Test
    void lineBreaksInDataAndConfigurationAreNeutralised() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Files.writeString(dir.resolve("metrics.yaml"), """
                metrics:
                  - id: burglary
                    label: "Burglary\\r\\nBcc: evil@example.net\\r\\n\\r\\n<script>alert(1)</script>"
                    unit: count
                    better: down
                    owner: lead
                """);
        Files.writeString(dir.resolve("areas.yaml"), "force: Cambridgeshire\nareas:\n  North: [Fenland]\n");
        Files.writeString(dir.resolve("people.yaml"), """
                roles:
                  lead:
                    - { name: "Lee\\r\\nBcc: evil2@example.net", email: lee@example.org }
                analysts: [analysts@example.org]
                """);
        Files.writeString(dir.resolve("application.properties"), "mail.mode=smtp\nmail.smtp.host=127.0.0.1\nmail.smtp.port="
                + smtp.getSmtp().getPort() + "\nmail.from=perfalert@example.org\n");
        Configuration config = ConfigLoader.load(dir);
        TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));
        javax.sql.DataSource ds = h2();
        AlertStages stages = new AlertStages(ds, config, clock);

        String area = "Fenland\r\nBcc: evil3@example.net";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("value", 12.0);
        evidence.put("note", "<b>bold</b>\r\nX-Injected: yes");
        PerformanceException e = new PerformanceException("exceptional-high", "burglary", AreaType.DISTRICT, area,
                YearMonth.of(2025, 3), Severity.HIGH, Direction.CONCERN,
                "Burglary in " + area + "\r\nX-Injected: yes\nSubject: free money", evidence);
        assertThat(raise(stages, YearMonth.of(2025, 3), List.of(e), Set.of(), "run").emailsQueued()).isEqualTo(1);
        new OutboxSender(new Outbox(ds), MailSettings.from(config.settings()).transport(), clock, Backoff.DEFAULT).sendDue();

        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);                                  // nobody else received a copy
        MimeMessage m = got[0];
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("\"Lee Bcc: evil2@example.net\" <lee@example.org>"); // quoted: one mailbox
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Injected")).isNull();
        assertThat(m.getHeader("Subject")).hasSize(1);
        assertThat(m.getSubject()).doesNotContain("\r").doesNotContain("\n")
                .contains("Burglary in Fenland Bcc: evil3@example.net X-Injected: yes Subject: free money");
        MailReading r = MailReading.of(m);
        assertThat(r.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
    }
}
