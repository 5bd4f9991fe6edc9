package org.perfalert.ack;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.*;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AckStore;
import org.perfalert.alerts.Acknowledgement;
import org.perfalert.alerts.AlertStore;
import org.perfalert.fixtures.LogCapture;
import org.perfalert.notify.MailReading;
import org.perfalert.notify.Outbox;
import org.perfalert.service.ServiceFixture;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;

/**
 * Replies by email with the real service reading a real IMAP mailbox (GreenMail, SMTP and IMAP in-process): what a
 * reply acknowledges, what is refused (and stored nothing), a reply delivered twice (also across a restart), where
 * messages are filed, and a
 * comment with HTML, script and line breaks escaped in the digest and its email. No PERFALERT_LINK_SECRET here: the
 * emails carry no links, only the Reply-To.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplyMailboxTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String MAILBOX = "acks@example.org", PASSWORD = "mailbox-password";

    @TempDir static Path tmp;
    static ServiceFixture f;
    static Map<String, MimeMessage> mailTo = new HashMap<>();
    static Session session;

    static ServiceFixture start(Path root) throws Exception {
        int imap;
        try (ServerSocket s = new ServerSocket(0)) { imap = s.getLocalPort(); }
        ServiceFixture started = new ServiceFixture(root, 0, Map.of("mail.imap.host", "127.0.0.1", "mail.imap.port", String.valueOf(imap),
                "mail.imap.user", MAILBOX, "mail.imap.starttls", "false", "mail.imap.poll.ms", "200"), Map.of(),
                Map.of("PERFALERT_MAIL_IMAP_PASSWORD", PASSWORD),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        started.smtp.setUser(MAILBOX, MAILBOX, PASSWORD);
        return started;
    }

    static Session smtpSession() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(f.smtp.getSmtp().getPort()));
        return Session.getInstance(p);
    }

    @BeforeAll
    static void leadsHaveTheirEmails() throws Exception {
        f = start(tmp.resolve("service"));
        f.drop("2020-04.csv", "month,metric,area_type,area,value\n"
                + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n"
                + "2020-04,calls_answered_30s,force,Cambridgeshire,80\n"
                + "2020-04,response_time_grade1_rural,district,Fenland,25\n"
                + "2020-04,imu_queue,force,Cambridgeshire,600\n"
                + "2020-04,survey_confidence,force,Cambridgeshire,60\n");
        await("five lead emails", DEADLINE, () -> f.received().length >= 5);
        for (MimeMessage m : f.received()) mailTo.put(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress(), m);
        session = smtpSession();
    }

    @AfterAll
    static void stop() { if (f != null) f.close(); }

    @Test
    void leadEmailsCarryTheMailboxAsReplyToAndWithoutTheSecretNoLinks() throws Exception {
        MimeMessage m = mailTo.get("demand-hub@example.org");
        assertThat(m.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(MAILBOX);
        String text = MailReading.of(m).text();
        assertThat(text).doesNotContain("/ack/").contains("perfalert ack").contains("reply with \"ack\" on the first line");
    }

    @Test
    void aReplyNamingAnItemAcknowledgesThatOneWithItsComment() throws Exception {
        MimeMessage lead = mailTo.get("demand-hub@example.org");
        Map<Integer, Long> items = items(lead);
        assertThat(items).containsOnlyKeys(1, 2);
        String id = reply(lead, "demand-hub@example.org", null, "ack 2: answering times improve after the May rota\n\n"
                + "On Mon, 4 May 2020 at 08:00, perfalert <perfalert@localhost> wrote:\n> 2. HIGH: something\n");
        awaitFiled(id, ReplyStep.ACKNOWLEDGED);
        assertThat(new AckStore(ds()).forAlert(items.get(2))).singleElement().satisfies(k -> {
            assertThat(k.comment()).isEqualTo("answering times improve after the May rota");
            assertThat(k.by()).isEqualTo("Demand Hub Manager");
            assertThat(k.email()).isEqualTo("demand-hub@example.org");
            assertThat(k.via()).isEqualTo("reply");
        });
        assertThat(new AckStore(ds()).forAlert(items.get(1))).isEmpty();
        assertThat(inbox(ReplyStep.ACKNOWLEDGED)).anySatisfy(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void theSameReplyDeliveredTwiceCountsOnce() throws Exception {
        MimeMessage lead = mailTo.get("communities-lead@example.org");
        long alert = items(lead).get(1);
        String id = reply(lead, "communities-lead@example.org", "<twice-1@mail.example.org>", "Ack - survey partner changed\n");
        awaitFiled(id, ReplyStep.ACKNOWLEDGED);
        reply(lead, "communities-lead@example.org", "<twice-1@mail.example.org>", "Ack - survey partner changed\n");
        awaitFiled(id, ReplyStep.NOT_ACKNOWLEDGED);
        assertThat(new AckStore(ds()).forAlert(alert)).singleElement()
                .satisfies(k -> assertThat(k.comment()).isEqualTo("survey partner changed"));
    }

    @Test
    @Order(Integer.MAX_VALUE)   // last: it restarts the service
    void aReplyReadBeforeARestartIsNotReadAgainAfterIt() throws Exception {
        MimeMessage lead = mailTo.get("demand-hub@example.org");
        long alert = items(lead).get(1);
        String id = reply(lead, "demand-hub@example.org", "<before-restart@mail.example.org>", "ack 1: staffing\n");
        awaitFiled(id, ReplyStep.ACKNOWLEDGED);
        f.close();
        f = start(tmp.resolve("service"));   // the same store; a new mailbox server, as after restoring a mailbox
        session = smtpSession();
        reply(lead, "demand-hub@example.org", "<before-restart@mail.example.org>", "ack 1: staffing\n");
        awaitFiled(id, ReplyStep.NOT_ACKNOWLEDGED);
        assertThat(new AckStore(ds()).forAlert(alert)).singleElement().satisfies(k -> assertThat(k.comment()).isEqualTo("staffing"));
    }

    @Test
    void repliesFromStrangersOrNonRecipientsOrWithoutAckAreRefusedStoreNothingAndAreFiled() throws Exception {
        MimeMessage lead = mailTo.get("imu-lead@example.org");
        long alert = items(lead).get(1);
        try (LogCapture log = LogCapture.of("perfalert.ack")) {
            List<String> ids = List.of(
                    reply(lead, "stranger@elsewhere.org", null, "ack\n"),
                    reply(lead, "north-commander@example.org", null, "ack: not mine but seen\n"),
                    reply(lead, "imu-lead@example.org", null, "Thanks, I will look at it\nack later\n"),
                    reply(null, "imu-lead@example.org", null, "ack\n"));
            for (String id : ids) awaitFiled(id, ReplyStep.NOT_ACKNOWLEDGED);
            assertThat(log.at(Level.WARN)).anyMatch(l -> l.contains("stranger@elsewhere.org is not in people.yaml"))
                    .anyMatch(l -> l.contains("north-commander@example.org was not sent that email"))
                    .anyMatch(l -> l.contains("first line does not start with \"ack\""))
                    .anyMatch(l -> l.contains("does not answer an email perfalert sent"));
        }
        assertThat(new AckStore(ds()).forAlert(alert)).isEmpty();
    }

    @Test
    void aCommentWithHtmlScriptAndLineBreaksIsEscapedInTheDigestAndItsEmail() throws Exception {
        MimeMessage lead = mailTo.get("response-lead@example.org");
        long alert = items(lead).get(1);
        String id = reply(lead, "response-lead@example.org", null,
                "ACK\r\n<script>alert(1)</script> & <b>cover</b>\r\nBcc: someone@evil.example\r\n\r\n> quoted\r\n");
        awaitFiled(id, ReplyStep.ACKNOWLEDGED);
        Acknowledgement k = new AckStore(ds()).forAlert(alert).get(0);
        assertThat(k.comment()).isEqualTo("<script>alert(1)</script> & <b>cover</b>\nBcc: someone@evil.example");

        int before = f.received().length;
        f.parts.digest().thisWeek();
        await("the digest email", DEADLINE, () -> f.received().length > before);
        MimeMessage digest = Arrays.stream(f.received()).filter(m -> {
            try { return m.getSubject().contains("digest"); } catch (MessagingException e) { return false; }
        }).reduce((a, b) -> b).orElseThrow();
        MailReading read = MailReading.of(digest);
        assertThat(read.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;cover&lt;/b&gt; Bcc: someone@evil.example")
                .doesNotContain("<script>").contains("Response Superintendent");
        assertThat(read.text()).contains("\"<script>alert(1)</script> & <b>cover</b> Bcc: someone@evil.example\"")
                .doesNotContain("\nBcc:");
        assertThat(digest.getHeader("Bcc")).isNull();
    }

    // --- helpers

    static javax.sql.DataSource ds() { return f.parts.store().dataSource(); }

    /** The alerts of a lead's email by item number, as the store recorded them. */
    static Map<Integer, Long> items(MimeMessage lead) throws Exception {
        try (var c = ds().getConnection()) {
            long outbox = new Outbox(ds()).byMessageId(c, lead.getMessageID()).orElseThrow().id();
            Map<Integer, Long> out = new TreeMap<>();
            new AlertStore(ds()).emailItems(c, outbox).forEach(i -> out.put(i.number(), i.alertId()));
            return out;
        }
    }

    /** Sends a reply to the mailbox over SMTP, answering the lead's email (or nothing); returns its Message-ID. */
    static String reply(MimeMessage to, String from, String messageId, String text) throws Exception {
        MimeMessage r = new MimeMessage(session) {
            @Override protected void updateMessageID() throws MessagingException {
                if (messageId != null) setHeader("Message-ID", messageId); else super.updateMessageID();
            }
        };
        r.setFrom(new InternetAddress(from));
        r.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        r.setSubject(to == null ? "hello" : "Re: " + to.getSubject(), "UTF-8");
        if (to != null) {
            r.setHeader("In-Reply-To", to.getMessageID());
            r.setHeader("References", to.getMessageID());
        }
        r.setText(text, "UTF-8");
        r.saveChanges();
        Transport.send(r);
        return r.getMessageID();
    }

    /** Waits until a message with the Message-ID lies in the folder (and no longer in the inbox). */
    static void awaitFiled(String messageId, String folder) throws Exception {
        await(messageId + " in " + folder, DEADLINE, () -> inbox(folder).stream().anyMatch(m -> id(m).equals(messageId)));
    }

    static List<Message> inbox(String folder) {
        Properties p = new Properties();
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect("127.0.0.1", f.smtp.getImap().getPort(), MAILBOX, PASSWORD);
            try {
                Folder box = store.getFolder(folder);
                if (!box.exists()) return List.of();
                box.open(Folder.READ_ONLY);
                List<Message> out = new ArrayList<>();
                for (Message m : box.getMessages()) { m.isSet(Flags.Flag.SEEN); m.getHeader("Message-ID"); out.add(m); }
                return out;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static String id(Message m) {
        try { String[] h = m.getHeader("Message-ID"); return h == null ? "" : h[0]; } catch (MessagingException e) { return ""; }
    }
}
