package org.perfalert.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.fixtures.TcpProxy;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.pipeline.OwedMonths;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.KilledServiceTest.count;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/**
 * Issue 17: two instances of perfalert (two processes) on one PostgreSQL database, one inbox and one mail server: 100
 * files dropped at once, the mail server refusing connections every other second, the busier instance killed with
 * SIGKILL in the middle. Every file loaded once, every email received once (by Message-ID, and by recipient and
 * subject; an email the killed instance was sending when it died may come twice, with its one Message-ID), one digest
 * for the week, each scheduled pull (an HTTP source every 5 s) made once, and the schedules carry on on the survivor.
 */
class ClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final String HEADER = "month,metric,area_type,area,value\n";
    private static final int FILES = 100;

    @TempDir Path root;
    GreenMail smtp;
    TcpProxy mail;
    HttpServer figures;
    final List<Instant> pulls = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService flapping = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() throws Exception {
        ServiceFixture.copy(ServiceFixture.REPO.resolve("config"), root.resolve("config"));
        ServiceFixture.copy(ServiceFixture.REPO.resolve("rules"), root.resolve("rules"));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail = new TcpProxy("127.0.0.1", smtp.getSmtp().getPort());
        // a web source of figures: the month asked for, one unchanging figure; each request is one pull
        figures = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        figures.createContext("/figures/", exchange -> {
            pulls.add(Instant.now());
            String month = exchange.getRequestURI().getPath().replaceAll(".*/(\\d{4}-\\d{2})\\.csv$", "$1");
            byte[] body = (HEADER + month + ",abandonment_101_secondary,force,Cambridgeshire,10\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        figures.start();
        Files.writeString(root.resolve("config/sources.yaml"), "sources:\n  - name: web\n    kind: http\n"
                + "    url: http://127.0.0.1:" + figures.getAddress().getPort() + "/figures/{month}.csv\n"
                + "    schedule: \"0/5 * * * * ?\"\n    months: 1\n");
    }

    @AfterEach
    void tearDown() {
        flapping.shutdownNow();
        figures.stop(0);
        mail.close();
        smtp.stop();
    }

    Map<String, String> settings(String url, String instance) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("store.url", url);
        s.put("store.user", System.getenv().getOrDefault("PERFALERT_TEST_PG_USER", "perfalert"));
        s.put("store.password", System.getenv().getOrDefault("PERFALERT_TEST_PG_PASSWORD", ""));
        s.put("instance.id", instance);
        s.put("inbox.claim.lease.seconds", "5");
        s.put("mail.send.lease.seconds", "5");
        s.put("schedule.cluster.checkin.ms", "1000");
        s.put("mail.mode", "smtp");
        s.put("mail.smtp.host", "127.0.0.1");
        s.put("mail.smtp.port", String.valueOf(mail.port()));
        s.put("mail.retry.first.seconds", "1");
        s.put("mail.retry.max.seconds", "2");
        s.put("notify.max-age-months", "1000");   // every month emailed, however the loads and evaluations interleave
        s.put("inbox.dir", root.resolve("inbox").toString());      // shared
        s.put("digest.dir", root.resolve("digests").toString());   // shared
        s.put("digest.cron", "0/10 * * * * ?");                     // fires often; one digest a week all the same
        s.put("service.state.dir", root.resolve("state-" + instance).toString());
        s.put("pull.dir", root.resolve("pull-" + instance).toString());
        s.put("pull.tick.ms", "1000");
        s.put("inbox.poll.ms", "200");
        s.put("evaluate.period.ms", "200");
        s.put("outbox.period.ms", "300");
        return s;
    }

    /** Monthly files, each complete when it appears: above the limit of 20 in every other month (one email each). */
    List<String> drop() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        List<Path> hidden = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            YearMonth m = YearMonth.of(2012, 1).plusMonths(i);
            hidden.add(Files.writeString(inbox.resolve("." + m + "-abandonment.csv.part"),
                    HEADER + m + ",abandonment_101_secondary,force,Cambridgeshire," + (i % 2 == 0 ? 35 : 10) + "\n"));
        }
        List<String> names = new ArrayList<>();
        for (Path h : hidden) {   // all at once: renamed in one go
            String name = h.getFileName().toString().substring(1).replace(".part", "");
            Files.move(h, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        return names;
    }

    List<String> processedFiles() {
        return names(root.resolve("inbox/processed")).stream().filter(n -> n.endsWith(".csv")).toList();
    }

    static int filesLoaded(ChildService c) { return c.log().split("file loaded file=", -1).length - 1; }

    @Test
    void twoInstancesOnePostgresqlOneKilledEveryFileOnceEveryEmailOnceOneDigestEachPullOnce() throws Exception {
        long start = System.nanoTime();
        TestStores.open(TestStores.POSTGRESQL, root, Clock.systemUTC()).close();   // a fresh schema of this run's own
        String url = TestStores.pgUrl();
        ChildService alpha = ChildService.start(root, settings(url, "alpha"), null);
        ChildService beta = ChildService.start(root, settings(url, "beta"), null);
        try {
            alpha.awaitStarted(DEADLINE);
            beta.awaitStarted(DEADLINE);
            // the mail server flaps: it refuses connections for 0.7 s of every 1.5 s
            AtomicBoolean up = new AtomicBoolean(true);
            flapping.scheduleAtFixedRate(() -> {
                try {
                    if (up.getAndSet(!up.get())) mail.refuse(); else mail.restore();
                } catch (Exception e) {
                    LOG.warn("flapping: {}", e.toString());
                }
            }, 700, 750, TimeUnit.MILLISECONDS);
            List<String> dropped = drop();

            await("a third of the files filed", DEADLINE, () -> processedFiles().size() >= FILES / 3);
            boolean alphaBusier = filesLoaded(alpha) >= filesLoaded(beta);
            ChildService killed = alphaBusier ? alpha : beta, survivor = alphaBusier ? beta : alpha;
            int loadedByKilled = filesLoaded(killed);
            Instant killedAt = Instant.now();
            killed.kill();
            long killedMs = (System.nanoTime() - start) / 1_000_000;

            await("all work done on the survivor; its log:\n" + survivor.log(), DEADLINE, () -> processedFiles().size() == FILES
                    && survivor.health("months.owed").orElse(-1) == 0 && survivor.health("emails.pending").orElse(-1) == 0
                    && survivor.health("emails.sending").orElse(-1) == 0 && survivor.health("files.claimed.by.others").orElse(-1) == 0
                    && pulls.stream().anyMatch(p -> p.isAfter(killedAt.plusSeconds(1))) && pulls.size() >= 3 && allSent(url));
            // (at least three firings pulled: a quick run must not end before the schedule has fired enough to judge it)
            flapping.shutdownNow();
            mail.restore();
            Instant firstPullAfterKill = pulls.stream().filter(p -> p.isAfter(killedAt)).findFirst().orElseThrow();
            // a firing of the source's schedule comes every 5 s: a killed instance's share of the schedules moved within 60 s
            assertThat(Duration.between(killedAt, firstPullAfterKill)).isLessThan(Duration.ofSeconds(65));
            int loadedBySurvivor = filesLoaded(survivor);
            survivor.close();

            try (Store store = Store.open(url, settings(url, "x").get("store.user"), settings(url, "x").get("store.password"), Clock.systemUTC())) {
                assertEveryFileOnce(store, dropped);
                int emails = assertEveryEmailOnce(store);
                assertEachPullOnce(killedAt, alpha, beta);
                LOG.info("two instances on PostgreSQL: {} files ({} loaded by the killed instance before it died at {} ms, {} by"
                        + " the survivor), {} emails, {} pulls, first pull after the kill {} ms after it, {} ms in all",
                        FILES, loadedByKilled, killedMs, loadedBySurvivor, emails, pulls.size(),
                        Duration.between(killedAt, firstPullAfterKill).toMillis(), (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            alpha.kill();
            beta.kill();
        }
    }

    /**
     * The store says all is done: every month above the limit emailed (one email each, to its one lead) and the digest,
     * every email sent, nothing owed, no file claimed.
     */
    boolean allSent(String url) {
        String sql = "SELECT (SELECT COUNT(*) FROM outbox WHERE status = 'sent'), (SELECT COUNT(*) FROM outbox WHERE status <> 'sent'),"
                + " (SELECT COUNT(*) FROM outbox WHERE run_id LIKE 'digest-%'), (SELECT COUNT(*) FROM evaluation_owed),"
                + " (SELECT COUNT(*) FROM inbox_file WHERE fate = 'claimed')";
        try (var c = java.sql.DriverManager.getConnection(url, settings(url, "x").get("store.user"), settings(url, "x").get("store.password"));
             var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() && rs.getInt(1) >= FILES / 2 + 1 && rs.getInt(2) == 0 && rs.getInt(3) > 0 && rs.getInt(4) == 0 && rs.getInt(5) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    void assertEveryFileOnce(Store store, List<String> dropped) throws Exception {
        assertThat(processedFiles()).containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(names(root.resolve("inbox/processed"))).hasSize(2 * FILES);   // each with one report, none numbered
        assertThat(names(root.resolve("inbox")).stream().filter(n -> n.endsWith(".csv"))).isEmpty();
        assertThat(count(store, "SELECT COUNT(*) FROM inbox_file WHERE fate = 'loaded'")).isEqualTo(FILES);
        assertThat(count(store, "SELECT COUNT(*) FROM inbox_file WHERE fate = 'claimed'")).isZero();
        assertThat(count(store, "SELECT COUNT(*) FROM observation_revision")).as("nothing loaded twice").isZero();
        assertThat(store.observations().all()).hasSize(FILES + 1);   // and the pulled month's one figure
        assertThat(new OwedMonths(store.dataSource()).all()).isEmpty();
        // every month above the limit raised its exception, once (the fingerprint is unique)
        assertThat(count(store, "SELECT COUNT(DISTINCT alert_month) FROM alert WHERE status = 'new'"
                + " AND metric = 'abandonment_101_secondary'")).isEqualTo(FILES / 2);
    }

    /** Returns how many emails were queued. */
    int assertEveryEmailOnce(Store store) throws Exception {
        List<OutboxEntry> outbox = new Outbox(store.dataSource()).all();
        assertThat(outbox).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxEntry.SENT));
        assertThat(outbox.stream().filter(e -> e.runId().startsWith("digest-"))).as("one digest, to the board").hasSize(1);
        assertThat(count(store, "SELECT COUNT(*) FROM digest_sent")).isEqualTo(1);
        Set<String> cutOffMidSend = new HashSet<>();
        outbox.stream().filter(e -> e.unknownOutcomes() > 0).forEach(e -> cutOffMidSend.add(e.messageId()));
        Map<String, Integer> byId = new HashMap<>();
        Map<String, Integer> byRecipientAndSubject = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            byId.merge(m.getMessageID(), 1, Integer::sum);
            for (Address to : m.getRecipients(Message.RecipientType.TO))
                if (!cutOffMidSend.contains(m.getMessageID())) byRecipientAndSubject.merge(to + " | " + m.getSubject(), 1, Integer::sum);
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(outbox.stream().map(OutboxEntry::messageId).toList());
        byId.forEach((id, n) -> assertThat(n).as("copies of " + id).isLessThanOrEqualTo(cutOffMidSend.contains(id) ? 2 : 1));
        assertThat(byRecipientAndSubject.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(byRecipientAndSubject).hasSize(outbox.size() - cutOffMidSend.size());
        LOG.info("emails: {} queued, {} received, {} cut off mid-send by the kill", outbox.size(), smtp.getReceivedMessages().length,
                cutOffMidSend.size());
        return outbox.size();
    }

    /**
     * Each firing of the source's schedule (every 5 s) pulled once: the instances log which firing each pull is for
     * ("source due … firing=…"); no firing appears twice across both logs, and each is one request to the source.
     */
    void assertEachPullOnce(Instant killedAt, ChildService... instances) {
        List<String> firings = new ArrayList<>();
        java.util.regex.Pattern due = java.util.regex.Pattern.compile("source due source=web kind=http firing=(\\S+)");
        for (ChildService c : instances) {
            java.util.regex.Matcher m = due.matcher(c.log());
            while (m.find()) firings.add(m.group(1));
        }
        assertThat(firings).as("firings pulled").hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        // one request per firing pulled (the killed instance may have died between saying so and asking)
        assertThat(pulls.size()).as("requests to the source").isBetween(firings.size() - 1, firings.size());
        assertThat(pulls.stream().max(Instant::compareTo).orElseThrow()).as("the schedules went on after the kill").isAfter(killedAt);
    }
}
