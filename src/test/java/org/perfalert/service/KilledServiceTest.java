package org.perfalert.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.pipeline.OwedMonths;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/**
 * The service killed for real (issue 18, failures 1, 2, 3 and 6), in child JVMs: halted at the worst points (after a
 * file's figures commit and before it is filed; after the mail server took an email and before it is marked sent) and
 * killed with SIGKILL at an arbitrary moment, then started again until its work is done. Nothing lost, nothing twice:
 * every file filed once, every figure stored, no month owed, every email received, none more than 1 + 2 times (by
 * Message-ID), and the one cut off mid-send received again.
 */
class KilledServiceTest {
    private static final Logger LOG = LoggerFactory.getLogger(KilledServiceTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @TempDir Path root;
    GreenMail smtp;

    @BeforeEach
    void setUp() throws Exception {
        ServiceFixture.copy(ServiceFixture.REPO.resolve("config"), root.resolve("config"));
        ServiceFixture.copy(ServiceFixture.REPO.resolve("rules"), root.resolve("rules"));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() { smtp.stop(); }

    Map<String, String> settings(String storeUrl, String user, String password) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("store.url", storeUrl);
        s.put("store.user", user);
        s.put("store.password", password);
        s.put("mail.mode", "smtp");
        s.put("mail.smtp.host", "127.0.0.1");
        s.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        s.put("mail.send.lease.seconds", "2");
        s.put("notify.max-age-months", "1000");   // every month emailed, however the loads and evaluations interleave
        s.put("inbox.dir", root.resolve("inbox").toString());
        s.put("service.state.dir", root.resolve("state").toString());
        s.put("pull.dir", root.resolve("pull").toString());
        s.put("inbox.poll.ms", "100");
        s.put("evaluate.period.ms", "100");
        s.put("outbox.period.ms", "200");
        return s;
    }

    /** Monthly files: above the limit of 20 in the odd months, so each odd month raises one new exception (one email). */
    List<String> drop(int months) throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth m = YearMonth.of(2020, 1).plusMonths(i);
            String name = m + "-abandonment.csv";
            Path hidden = Files.writeString(inbox.resolve("." + name + ".part"),
                    HEADER + m + ",abandonment_101_secondary,force,Cambridgeshire," + (i % 2 == 0 ? 35 : 10) + "\n");
            Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        return names;
    }

    List<String> processedFiles() {
        return names(root.resolve("inbox/processed")).stream().filter(n -> n.endsWith(".csv")).toList();
    }

    /** Waits until the running child has filed every file, evaluated every month and sent every email. */
    void awaitDone(ChildService child, int files) throws InterruptedException {
        await("all work done; the child's log:\n" + child.log(), DEADLINE, () -> processedFiles().size() == files
                && child.health("months.owed").orElse(-1) == 0 && child.health("emails.pending").orElse(-1) == 0
                && child.health("emails.sending").orElse(-1) == 0);
    }

    /** What must hold at the end, whatever the kills did. */
    void assertNothingLostNothingTwice(Store store, List<String> dropped, int emails) throws Exception {
        assertThat(processedFiles()).containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(names(root.resolve("inbox/processed"))).hasSize(2 * dropped.size());   // each with one report
        assertThat(names(root.resolve("inbox")).stream().filter(n -> n.endsWith(".csv"))).isEmpty();
        assertThat(store.observations().all()).hasSize(dropped.size());
        assertThat(count(store, "SELECT COUNT(*) FROM inbox_file WHERE fate = 'loaded'")).isEqualTo(dropped.size());
        assertThat(count(store, "SELECT COUNT(*) FROM observation_revision")).isZero();   // nothing loaded twice
        assertThat(new OwedMonths(store.dataSource()).all()).isEmpty();
        List<OutboxEntry> outbox = new Outbox(store.dataSource()).all();
        assertThat(outbox).hasSize(emails).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxEntry.SENT));
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) received.merge(m.getMessageID(), 1, Integer::sum);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(outbox.stream().map(OutboxEntry::messageId).toList());
        assertThat(received.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(count(store, "SELECT COUNT(*) FROM alert WHERE status = 'new'")).isEqualTo(emails);
        // each email's numbered items (for replies, issue 14) recorded once, with the email, however often it was sent
        assertThat(count(store, "SELECT COUNT(*) FROM email_item")).isEqualTo(emails);
        assertThat(count(store, "SELECT COUNT(DISTINCT outbox_id) FROM email_item")).isEqualTo(emails);
    }

    static long count(Store store, String sql) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void killedAtTheWorstPointsAndAtRandomOnH2NothingIsLostAndNothingTwice() throws Exception {
        long start = System.nanoTime();
        String url = "jdbc:h2:file:" + root.resolve("db/perfalert").toString().replace('\\', '/');
        Map<String, String> settings = settings(url, "sa", "");
        List<String> dropped = drop(8);

        // 1. the process dies right after the third file's figures commit, before the file is filed
        ChildService first = ChildService.start(root, settings, "inbox.after-commit:3");
        assertThat(first.awaitExit(DEADLINE)).as(first.log()).isEqualTo(137);
        try (Store store = Store.open(url, "sa", "", Clock.systemUTC())) {
            // what was committed is on disk (H2 without its write delay), though the file is still in the inbox
            assertThat(store.observations().all()).hasSize(3);
            assertThat(count(store, "SELECT COUNT(*) FROM inbox_file")).isEqualTo(3);
            assertThat(root.resolve("inbox").resolve(dropped.get(2))).exists();
        }

        // 2. the process dies right after the mail server took the first email, before it is marked sent
        ChildService second = ChildService.start(root, settings, "mail.after-send:1");
        assertThat(second.awaitExit(DEADLINE)).as(second.log()).isEqualTo(137);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String cutOff = smtp.getReceivedMessages()[0].getMessageID();
        assertThat(second.log()).contains("file already decided, filed without reading it again file=\"" + dropped.get(2) + "\"");

        // 3. kill -9 while it works
        ChildService third = ChildService.start(root, settings, null).awaitStarted(DEADLINE);
        await("another email", DEADLINE, () -> smtp.getReceivedMessages().length >= 2);
        third.kill();

        // 4. started again, it finishes
        try (ChildService last = ChildService.start(root, settings, null).awaitStarted(DEADLINE)) {
            awaitDone(last, dropped.size());
        }
        try (Store store = Store.open(url, "sa", "", Clock.systemUTC())) {
            assertNothingLostNothingTwice(store, dropped, 4);
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId(m).equals(cutOff))).hasSizeBetween(2, 3);
        LOG.info("killed service on H2: 4 starts, {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void killedAtRandomOnPostgresqlNothingIsLostAndNothingTwice() throws Exception {
        long start = System.nanoTime();
        TestStores.open(TestStores.POSTGRESQL, root, Clock.systemUTC()).close();   // a fresh schema of this run's own
        String url = TestStores.pgUrl();
        String user = System.getenv().getOrDefault("PERFALERT_TEST_PG_USER", "perfalert");
        String password = System.getenv().getOrDefault("PERFALERT_TEST_PG_PASSWORD", "");
        Map<String, String> settings = settings(url, user, password);
        List<String> dropped = drop(12);

        // kill -9 once some files are filed
        ChildService first = ChildService.start(root, settings, null).awaitStarted(DEADLINE);
        await("three files filed", DEADLINE, () -> processedFiles().size() >= 3);
        first.kill();
        try (ChildService last = ChildService.start(root, settings, null).awaitStarted(DEADLINE)) {
            awaitDone(last, dropped.size());
        }
        try (Store store = Store.open(url, user, password, Clock.systemUTC())) {
            assertNothingLostNothingTwice(store, dropped, 6);
        }
        LOG.info("killed service on PostgreSQL: 2 starts, {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
