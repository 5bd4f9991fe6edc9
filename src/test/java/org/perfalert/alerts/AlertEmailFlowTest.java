package org.perfalert.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.*;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.model.Direction.*;
import static org.perfalert.model.Severity.*;

/** Given two months of exceptions, the right leads get the right emails, once; a revision sends one withdrawal notice. */
class AlertEmailFlowTest {
    static final YearMonth FEB = YearMonth.of(2025, 2), MAR = YearMonth.of(2025, 3);

    @TempDir Path dir;
    GreenMail smtp;
    DataSource ds;
    AlertStages stages;
    OutboxSender sender;
    TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));

    // February: Fenland burglary high (owner + north commander), force robbery medium (owner),
    // Peterborough burglary improvement and a neutral 999 rise (digest only).
    final PerformanceException burglaryFenland = expecting(exception("exceptional-high", "burglary", "Fenland", FEB, HIGH, CONCERN, 41), 29.6);
    final PerformanceException robberyForce = exception("threshold-above", "robbery", "Cambridgeshire", FEB, MEDIUM, CONCERN, 77);
    final PerformanceException burglaryPeterboroughDown = exception("twelve-month-low", "burglary", "Peterborough", FEB, HIGH, IMPROVEMENT, 12);
    final PerformanceException calls = exception("same-month-high", "calls_999", "Cambridgeshire", FEB, HIGH, NEUTRAL, 9000);
    final Set<SeriesKey> evaluated = new HashSet<>();

    /** A signal's exception: its evidence says what was expected of the figure. */
    static PerformanceException expecting(PerformanceException e, double expected) {
        Map<String, Object> evidence = new LinkedHashMap<>(e.evidence());
        evidence.put("expected", expected);
        return new PerformanceException(e.rule(), e.metric(), e.areaType(), e.area(), e.month(), e.severity(), e.direction(),
                e.headline(), evidence);
    }

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Configuration config = config(dir.resolve("config"), "mail.mode=smtp\nmail.smtp.host=127.0.0.1\nmail.smtp.port="
                + smtp.getSmtp().getPort() + "\n");
        ds = h2();
        stages = new AlertStages(ds, config, clock);
        sender = new OutboxSender(new Outbox(ds), MailSettings.from(config.settings()).transport(), clock, Backoff.DEFAULT);
        evaluated.addAll(series("burglary", "Cambridgeshire", "Fenland", "Peterborough", "Cambridge"));
        evaluated.addAll(series("robbery", "Cambridgeshire", "Fenland", "Peterborough", "Cambridge"));
        evaluated.addAll(series("calls_999", "Cambridgeshire"));
    }

    @AfterEach
    void stop() { smtp.stop(); }

    final Set<String> seen = new HashSet<>();

    /** The emails received since the last call (GreenMail does not keep arrival order across mailboxes). */
    List<MailReading> received() throws Exception {
        List<MailReading> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            MailReading r = MailReading.of(m);
            if (seen.add(r.messageId())) out.add(r);
        }
        out.sort(Comparator.comparing(MailReading::to));
        return out;
    }

    @Test
    void twoMonthsReachTheRightLeadsOnceAndARevisionSendsOneNotice() throws Exception {
        // February
        RunSummary feb = raise(stages, FEB, List.of(burglaryFenland, robberyForce, burglaryPeterboroughDown, calls), evaluated, "run-feb");
        assertThat(feb.newCount()).isEqualTo(4);
        assertThat(sender.sendDue().sent()).isEqualTo(3);
        List<MailReading> febMail = received();
        assertThat(febMail).extracting(MailReading::to).containsExactly(
                "Bea Burglary <bea@example.org>", "Cris Crime <cris@example.org>", "Nora North <nora@example.org>");
        MailReading bea = febMail.get(0);
        assertThat(bea.subject()).isEqualTo("[perfalert] February 2025: " + burglaryFenland.headline());
        // the sentence, the numbers in words (what was expected of a count rounded as counts are), the rule id at the end
        assertThat(bea.text()).contains("1. Dwelling burglary \u2014 Fenland (worse, high)", burglaryFenland.headline(),
                "41 in February 2025 where about 30 was expected.")
                .doesNotContain("Peterborough");
        assertThat(bea.text().indexOf("1. exceptional-high, alert ")).isGreaterThan(bea.text().indexOf("Details for analysts:"));
        assertThat(bea.html()).contains("Dwelling burglary \u2014 Fenland", burglaryFenland.headline(), ">worse</span>");
        assertThat(bea.imageCids()).hasSize(1);
        assertThat(bea.html()).contains("src=\"cid:" + bea.imageCids().get(0) + "\"");
        assertThat(bea.images().get(0).getWidth()).isEqualTo(ChartRenderer.ITEM_WIDTH);
        assertThat(febMail.get(1).text()).contains("(worse, medium)", robberyForce.headline()).doesNotContain("burglary");
        assertThat(febMail.get(2).text()).contains(burglaryFenland.headline());

        // March: Fenland burglary continues (digest only), force robbery resolves, Peterborough robbery is new.
        PerformanceException burglaryFenlandMar = exception("exceptional-high", "burglary", "Fenland", MAR, HIGH, CONCERN, 44);
        PerformanceException robberyPeterborough = exception("sustained-rise", "robbery", "Peterborough", MAR, HIGH, CONCERN, 30);
        PerformanceException robberyCambridge = exception("threshold-above", "robbery", "Cambridge", MAR, MEDIUM, CONCERN, 25);
        List<PerformanceException> march = List.of(burglaryFenlandMar, robberyPeterborough, robberyCambridge);
        RunSummary mar = raise(stages, MAR, march, evaluated, "run-mar");
        assertThat(List.of(mar.newCount(), mar.continuing(), mar.resolved(), mar.withdrawn())).containsExactly(2, 1, 3, 0);
        assertThat(sender.sendDue().sent()).isEqualTo(2);
        List<MailReading> marMail = received();
        assertThat(marMail).extracting(MailReading::to).containsExactly("Cris Crime <cris@example.org>", "Nora North <nora@example.org>");
        MailReading cris = marMail.get(0);
        // one item per metric (SIGNALS.md 4): the signal leads, Cambridge's threshold on the same metric is folded in
        // as an "Also:" line; the subject names the one item, the one chart is the statistic that fired
        assertThat(cris.subject()).isEqualTo("[perfalert] March 2025: " + robberyPeterborough.headline());
        assertThat(cris.text()).contains("Robbery \u2014 Peterborough", "Also: Cambridge").doesNotContain("Robbery \u2014 Cambridge");
        assertThat(cris.imageCids()).hasSize(1);
        assertThat(marMail.get(1).text()).contains(robberyPeterborough.headline()).doesNotContain("continuing");

        // The same evaluation again: nothing changes, nothing is sent.
        RunSummary again = raise(stages, MAR, march, evaluated, "run-mar-again");
        assertThat(again.emailsQueued()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(sender.sendDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(5);

        // A revision of March: Peterborough robbery no longer holds -> one notice to each who heard of it.
        RunSummary revised = raise(stages, MAR, List.of(burglaryFenlandMar, robberyCambridge), evaluated, "run-mar-revised");
        assertThat(revised.withdrawn()).isEqualTo(1);
        assertThat(sender.sendDue().sent()).isEqualTo(2);
        List<MailReading> notices = received();
        assertThat(notices).extracting(MailReading::to).containsExactly("Cris Crime <cris@example.org>", "Nora North <nora@example.org>");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.subject()).isEqualTo("[perfalert] Withdrawn, March 2025: " + robberyPeterborough.headline());
            assertThat(n.text()).contains("WITHDRAWN: " + robberyPeterborough.headline()).doesNotContain(robberyCambridge.headline());
            assertThat(n.html()).contains("<s>" + robberyPeterborough.headline() + "</s>");
        });
        raise(stages, MAR, List.of(burglaryFenlandMar, robberyCambridge), evaluated, "run-mar-revised-again");
        assertThat(sender.sendDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(7);
        assertThat(new AlertStore(ds).forMonth(MAR)).extracting(a -> a.status().id())
                .containsExactlyInAnyOrder("continuing", "withdrawn", "new", "resolved", "resolved", "resolved");
    }

    @Test
    void silencedExceptionsAreStoredButNotEmailed() throws Exception {
        new SilenceStore(ds).add("burglary", "Fen*", "*", java.time.LocalDate.of(2025, 4, 30), "data fault", "ana", clock.instant());
        RunSummary feb = raise(stages, FEB, List.of(burglaryFenland, robberyForce), evaluated, "run-feb");
        assertThat(feb.silenced()).isEqualTo(1);
        assertThat(feb.newCount()).isEqualTo(2);
        sender.sendDue();
        assertThat(received()).extracting(MailReading::to).containsExactly("Cris Crime <cris@example.org>");
        assertThat(new AlertStore(ds).forMonth(FEB)).anySatisfy(a -> {
            assertThat(a.fingerprint()).isEqualTo(burglaryFenland.fingerprint());
            assertThat(a.silencedBy()).isNotNull();
        });
    }

    @Test
    void itemsOverTheLimitWaitForTheDigestAndAreNeverWithdrawnByEmail() throws Exception {
        Configuration capped = config(dir.resolve("capped"), "notify.email.max.items=1\nmail.mode=smtp\nmail.smtp.host=127.0.0.1\n"
                + "mail.smtp.port=" + smtp.getSmtp().getPort() + "\n");
        AlertStages p = new AlertStages(ds, capped, clock);
        // Nora (North) is due two items, one per metric: the less important waits for the digest
        PerformanceException medium = exception("sustained-rise", "robbery", "Fenland", FEB, MEDIUM, CONCERN, 41);
        RunSummary s = raise(p, FEB, List.of(medium, burglaryFenland), evaluated, "run-capped");
        assertThat(s.itemsPerEmail()).containsExactly(1, 1, 1);           // Bea, Cris and Nora, one item each
        assertThat(s.heldForDigest()).isEqualTo(1);
        sender.sendDue();
        List<MailReading> got = received();
        assertThat(got).extracting(MailReading::to).containsExactly("Bea Burglary <bea@example.org>", "Cris Crime <cris@example.org>",
                "Nora North <nora@example.org>");
        assertThat(got.get(2).text()).contains(burglaryFenland.headline()).doesNotContain(medium.headline())
                .contains("1 more exception of lower importance will be in the weekly digest");
        // withdrawing it tells Cris, who was emailed about it, and not Nora, who was not
        assertThat(raise(p, FEB, List.of(burglaryFenland), evaluated, "run-capped-revised").withdrawn()).isEqualTo(1);
        assertThat(sender.sendDue().sent()).isEqualTo(1);
        assertThat(received()).extracting(MailReading::to).containsExactly("Cris Crime <cris@example.org>");
    }
}
