package org.perfalert.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertStages;
import org.perfalert.alerts.AlertTestSupport.TestClock;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;
import static org.perfalert.model.Severity.MEDIUM;

/** The outbox under trouble: SMTP down for a whole run, a crash between sending and marking sent, file mode. */
class OutboxSenderTest {
    static final YearMonth FEB = YearMonth.of(2025, 2);

    @TempDir Path dir;
    GreenMail smtp;
    TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));

    @AfterEach
    void stop() { if (smtp != null) smtp.stop(); }

    /** Queues three emails (Bea, Cris, Nora) for February. */
    Outbox queueThree(DataSource ds, Configuration config) throws Exception {
        AlertStages p = new AlertStages(ds, config, clock);
        List<PerformanceException> found = List.of(
                exception("exceptional-high", "burglary", "Fenland", FEB, HIGH, CONCERN, 41),
                exception("threshold-above", "robbery", "Cambridgeshire", FEB, MEDIUM, CONCERN, 77));
        assertThat(raise(p, FEB, found, Set.of(), "run-1").emailsQueued()).isEqualTo(3);
        return new Outbox(ds);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    Configuration smtpConfig(int port) throws Exception {
        return config(dir.resolve("config"), "mail.mode=smtp\nmail.smtp.host=127.0.0.1\nmail.smtp.port=" + port + "\n");
    }

    @Test
    void smtpDownForAWholeRunThenUpDeliversEveryEmailOnce() throws Exception {
        int port = freePort();
        Configuration config = smtpConfig(port);
        DataSource ds = h2();
        Outbox outbox = queueThree(ds, config);
        MailSettings mail = MailSettings.from(config.settings());

        OutboxSender sender = new OutboxSender(outbox, mail.transport(), clock, Backoff.DEFAULT);
        assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Report(0, 3, 0));
        assertThat(outbox.all()).allSatisfy(r -> {           // failures stay visible
            assertThat(r.status()).isEqualTo(OutboxEntry.PENDING);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).isNotBlank();
            assertThat(r.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Report(0, 0, 0)); // not due yet: backoff

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        // a restart: a new sender over the same outbox
        OutboxSender restarted = new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT);
        assertThat(restarted.sendDue().sent()).isEqualTo(3);
        assertThat(restarted.sendDue().sent()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(restarted.sendDue().sent()).isZero();

        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) to.add(m.getAllRecipients()[0].toString());
        assertThat(to).containsExactlyInAnyOrder("Bea Burglary <bea@example.org>", "Cris Crime <cris@example.org>",
                "Nora North <nora@example.org>");
        assertThat(outbox.all()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxEntry.SENT);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.sentAt()).isEqualTo(clock.instant().minus(Duration.ofHours(2)));
        });
    }

    @Test
    void aCrashBetweenSendingAndMarkingSentLosesNothingAndTheRepeatKeepsItsMessageId() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Configuration config = smtpConfig(smtp.getSmtp().getPort());
        DataSource ds = h2();
        queueThree(ds, config);
        MailSettings mail = MailSettings.from(config.settings());

        Outbox crashing = new Outbox(ds) {
            @Override
            public void markSent(long id, Instant now) { throw new IllegalStateException("simulated crash before marking sent"); }
        };
        assertThatThrownBy(() -> new OutboxSender(crashing, mail.transport(), clock, Backoff.DEFAULT).sendDue())
                .hasMessageContaining("simulated crash");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String first = smtp.getReceivedMessages()[0].getMessageID();
        assertThat(new Outbox(ds).all()).extracting(OutboxEntry::status).containsExactly(OutboxEntry.SENDING, OutboxEntry.PENDING,
                OutboxEntry.PENDING);

        // restart once the dead sender's claim has run out: nothing is lost; the one email whose outcome is unknown
        // goes again with the same Message-ID
        clock.advance(OutboxSender.Claims.defaults().lease().plusSeconds(1));
        Outbox outbox = new Outbox(ds);
        assertThat(new OutboxSender(outbox, mail.transport(), clock, Backoff.DEFAULT).sendDue().sent()).isEqualTo(3);
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(4);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : got) copies.merge(m.getMessageID(), 1, Integer::sum);
        assertThat(copies).hasSize(3).containsEntry(first, 2);          // a mail program shows the duplicate once
        assertThat(outbox.all()).extracting(OutboxEntry::messageId).containsExactlyInAnyOrderElementsOf(copies.keySet());
        assertThat(outbox.all()).allSatisfy(r -> assertThat(r.status()).isEqualTo(OutboxEntry.SENT));
    }

    @Test
    void fileModeWritesOneEmlPerEmailAndARepeatReplacesIt() throws Exception {
        Path mailDir = dir.resolve("out/mail");
        Configuration config = config(dir.resolve("config"), "mail.mode=file\nmail.file.dir=" + mailDir + "\n");
        DataSource ds = h2();
        queueThree(ds, config);
        MailSettings mail = MailSettings.from(config.settings());
        assertThat(mail.transport()).isInstanceOf(FileTransport.class);

        Outbox crashing = new Outbox(ds) {
            @Override
            public void markSent(long id, Instant now) { throw new IllegalStateException("simulated crash"); }
        };
        assertThatThrownBy(() -> new OutboxSender(crashing, mail.transport(), clock, Backoff.DEFAULT).sendDue());
        clock.advance(OutboxSender.Claims.defaults().lease().plusSeconds(1));
        assertThat(new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT).sendDue().sent()).isEqualTo(3);

        List<Path> files;
        try (var s = Files.list(mailDir)) { files = s.sorted().toList(); }
        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(f.toString()).endsWith(".eml"));
        List<String> to = new ArrayList<>();
        for (Path f : files)
            try (InputStream in = Files.newInputStream(f)) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                to.add(m.getAllRecipients()[0].toString());
                MailReading r = MailReading.of(m);
                assertThat(r.text()).isNotBlank();
                assertThat(r.html()).contains("cid:" + r.imageCids().get(0));
            }
        assertThat(to).containsExactlyInAnyOrder("Bea Burglary <bea@example.org>", "Cris Crime <cris@example.org>",
                "Nora North <nora@example.org>");
    }

    @Test
    void anEmailWhoseSendingIsCutOffAgainAndAgainIsSentABoundedNumberOfTimesThenHeldForAnOperator() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MailSettings mail = MailSettings.from(smtpConfig(smtp.getSmtp().getPort()).settings());
        DataSource ds = h2();
        Outbox outbox = new Outbox(ds);
        String mime = "From: perfalert@example.org\r\nTo: lee@example.org\r\nSubject: hello\r\nMessage-ID: <once@example.org>\r\n\r\nbody\r\n";
        try (var c = ds.getConnection()) {
            outbox.enqueue(c, "run", new RenderedEmail("lee@example.org", "hello", "<once@example.org>", mime), clock.instant());
        }
        OutboxSender.Claims claims = new OutboxSender.Claims("sender", Duration.ofSeconds(60), 2);

        // the mail server takes the email, then the sender dies before marking it sent: three times over
        for (int crash = 1; crash <= 3; crash++) {
            try (AutoCloseable dies = org.perfalert.fixtures.SimulatedCrash.at("mail.after-send")) {
                assertThatThrownBy(() -> new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT, claims).sendDue())
                        .isInstanceOf(org.perfalert.fixtures.SimulatedCrash.class);
            }
            assertThat(outbox.all()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(OutboxEntry.SENDING));
            // a sender started before the claim runs out leaves it alone: the first may still be sending
            assertThat(new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT, claims).sendDue().sent()).isZero();
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT, claims).sendDue().sent()).isZero();

        // once, and again at most twice: three copies of one Message-ID, which a mail program shows as one
        assertThat(smtp.getReceivedMessages()).hasSize(3).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo("<once@example.org>"));
        assertThat(outbox.all()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(OutboxEntry.HELD);
            assertThat(r.unknownOutcomes()).isEqualTo(3);
            assertThat(r.lastError()).contains("outcome of sending it is unknown");
        });
        clock.advance(Duration.ofDays(1));
        assertThat(new OutboxSender(new Outbox(ds), mail.transport(), clock, Backoff.DEFAULT, claims).sendDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }
}
