package org.perfalert.digest;

import org.perfalert.model.Assessment;
import org.perfalert.model.Calibrated;
import org.perfalert.model.ExceptionKind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.*;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.*;
import org.perfalert.notify.*;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;

/**
 * Given exceptions stored through the real alert stages in one week, the digest goes once by SMTP (GreenMail) to
 * digest.to with inline sparklines and a plain-text part, is archived with its images, escapes every value, and
 * is not sent again when the week is run again (the archive is replaced and the outcome says so).
 */
class DigestDeliveryTest {
    static final YearMonth OCT = YearMonth.of(2025, 10), NOV = YearMonth.of(2025, 11);
    static final DigestWeek WEEK = DigestWeek.parse("2025-W49", ZoneId.of("Europe/London"));  // 1–7 December 2025

    @TempDir Path dir;
    GreenMail smtp;
    DataSource ds;
    Configuration config;
    TestClock clock = new TestClock(Instant.parse("2025-11-05T09:00:00Z"));
    AlertStages stages;
    OutboxSender sender;

    /** Values for the sparklines (a fake of the narrow interface; the board rows are tested on real data elsewhere). */
    final BoardSource board = new BoardSource() {
        @Override public List<Digest.BoardRow> rows(List<Metric> metrics, YearMonth month) { return List.of(); }
        @Override public SortedMap<YearMonth, Double> values(SeriesKey s, YearMonth from, YearMonth to) { return HISTORY.values(s, from, to); }
    };

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Path cfg = dir.resolve("config");
        Files.createDirectories(cfg);
        Files.writeString(cfg.resolve("metrics.yaml"), """
                metrics:
                  - { id: burglary, label: "Dwelling <script>alert(1)</script> burglary", unit: count, better: down, theme: Offenders, owner: burglary-lead }
                  - { id: robbery, label: Robbery, unit: count, better: down, theme: Offenders, owner: crime-lead }
                  - { id: calls_999, label: 999 calls received, unit: count, better: neutral, theme: Demand, owner: demand-hub }
                """);
        Files.writeString(cfg.resolve("areas.yaml"), "force: Cambridgeshire\nareas:\n  North: [Peterborough, Fenland]\n  South: [Cambridge]\n");
        Files.writeString(cfg.resolve("people.yaml"), """
                roles:
                  burglary-lead: [ { name: Bea Burglary, email: bea@example.org } ]
                  crime-lead: [ { name: Cris Crime, email: cris@example.org } ]
                  demand-hub: [ { name: Dee Demand, email: dee@example.org } ]
                digest:
                  to: [board@example.org, chair@example.org]
                analysts: [analysts@example.org]
                """);
        Files.writeString(cfg.resolve("application.properties"), "mail.from=perfalert@example.org\nmail.mode=smtp\n"
                + "mail.smtp.host=127.0.0.1\nmail.smtp.port=" + smtp.getSmtp().getPort() + "\ndigest.top=2\n"
                + "digest.dir=" + dir.resolve("digests").toString().replace('\\', '/') + "\n");
        config = ConfigLoader.load(cfg);
        ds = h2();
        stages = new AlertStages(ds, config, clock);
        sender = new OutboxSender(new Outbox(ds), MailSettings.from(config.settings()).transport(), clock, Backoff.DEFAULT);
    }

    @AfterEach
    void stop() { smtp.stop(); }

    /** October processed in early November (not in the week); November processed in the digest's week. */
    private void twoMonths() throws Exception {
        Set<SeriesKey> all = new HashSet<>(series("burglary", "Cambridgeshire", "Fenland"));
        all.addAll(series("robbery", "Cambridgeshire", "Fenland", "Peterborough"));
        all.addAll(series("calls_999", "Cambridgeshire"));
        raise(stages, OCT, List.of(
                exception("spc-shift", "robbery", "Cambridgeshire", OCT, Severity.MEDIUM, Direction.CONCERN, 70),
                exception("twelve-month-low", "robbery", "Peterborough", OCT, Severity.HIGH, Direction.IMPROVEMENT, 3)), all, "oct");
        SilenceStore silences = new SilenceStore(ds);
        silences.add("calls_999", "*", "*", LocalDate.of(2026, 1, 31), "Known <b>outage</b> in the call system", "Ana Lyst", clock.instant());
        sender.sendDue();
        clock.advance(Duration.ofDays(27));   // Tuesday 2 December 2025: November's data arrives
        raise(stages, NOV, List.of(
                exception("twelve-month-high", "burglary", "Fenland", NOV, Severity.HIGH, Direction.CONCERN, 41)   // notable: z 3.1
                        .assessed(new Assessment(ExceptionKind.EXCEPTION, true, new Calibrated(28.0, 1.4, 3.1, null), 3.1 / 1.96)),
                exception("spc-outside-limits", "burglary", "Fenland", NOV, Severity.HIGH, Direction.CONCERN, 41),
                exception("same-month-high", "burglary", "Cambridgeshire", NOV, Severity.MEDIUM, Direction.CONCERN, 140),
                exception("spc-shift", "robbery", "Cambridgeshire", NOV, Severity.MEDIUM, Direction.CONCERN, 72),
                exception("threshold-above", "robbery", "Fenland", NOV, Severity.LOW, Direction.CONCERN, 9),
                exception("same-month-high", "calls_999", "Cambridgeshire", NOV, Severity.HIGH, Direction.NEUTRAL, 9000)),
                all, "nov");
        sender.sendDue();
        StoredAlert burglary = new AlertStore(ds).forMonth(NOV).stream()
                .filter(a -> a.rule().equals("twelve-month-high")).findFirst().orElseThrow();
        new Acknowledging(ds).acknowledge(burglary.id(), new Acknowledging.Who("Bea Burglary", "burglary-lead@example.org", "link"),
                "Operation <Falcon> & patrols", clock.instant());
        clock.advance(Duration.ofDays(6));    // Monday 8 December 07:00
    }

    @Test
    void theWeeksChangesCountedRankedAndListed() throws Exception {
        twoMonths();
        Digest d = new WeeklyDigest(ds, config, () -> board, clock, sender).build(WEEK);
        // November: 3 new concerns, 1 continuing (robbery spc-shift), 1 resolved (Peterborough low), 1 new neutral silenced
        assertThat(d.counts()).isEqualTo(new Digest.Counts(4, 0, 1, 1, 1, 0, 1, 1));
        assertThat(d.dataMonths()).containsExactly("November 2025");
        assertThat(d.raised()).isEqualTo(6);
        Digest.ThemeSection offenders = d.themes().stream().filter(t -> t.theme().equals("Offenders")).findFirst().orElseThrow();
        // SIGNALS.md 4: the threshold first (what leads were emailed), then the notable Fenland burglary (with
        // spc-outside-limits beside it), the two other exceptions counted by rule, not listed
        assertThat(d.signals()).singleElement().satisfies(i -> assertThat(i.headline()).contains("Fenland", "robbery"));
        assertThat(d.worthALook()).singleElement().satisfies(i -> {
            assertThat(i.also()).containsExactly("spc-outside-limits");
            assertThat(i.severity()).isEqualTo("high");
            assertThat(i.lead()).isEqualTo("Bea Burglary");
            assertThat(i.ackComment()).isEqualTo("Operation <Falcon> & patrols");
        });
        assertThat(offenders.top()).isEmpty();
        assertThat(offenders.inAppendix()).isEqualTo(2);
        assertThat(d.others()).filteredOn(c -> c.theme().equals("Offenders")).extracting(Digest.RuleCount::rule, Digest.RuleCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("same-month-high", 1), org.assertj.core.groups.Tuple.tuple("spc-shift", 1));
        assertThat(d.shownLines()).isEqualTo(2);
        assertThat(d.silenced()).extracting(Digest.AppendixLine::rule).containsExactly("same-month-high");
        assertThat(d.resolved()).extracting(Digest.AppendixLine::series).containsExactly("Robbery \u2014 Peterborough");
        assertThat(d.silences()).singleElement().satisfies(s -> {
            assertThat(s.heldBack()).isEqualTo(1);
            assertThat(s.what()).isEqualTo("999 calls received, every area, every rule");
        });
        assertThat(d.images()).hasSize(2);
    }

    /** The same week on PostgreSQL (skipped unless PERFALERT_TEST_PG_URL is set; required with PERFALERT_TEST_REQUIRE_PG). */
    @Test
    void theSameOnPostgreSql() throws Exception {
        Optional<org.postgresql.ds.PGSimpleDataSource> pg = postgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(pg.isPresent(), "no PostgreSQL: set PERFALERT_TEST_PG_URL to run this");
        try {
            ds = pg.get();
            stages = new AlertStages(ds, config, clock);
            sender = new OutboxSender(new Outbox(ds), MailSettings.from(config.settings()).transport(), clock, Backoff.DEFAULT);
            twoMonths();
            WeeklyDigest digest = new WeeklyDigest(ds, config, () -> board, clock, sender);
            WeeklyDigest.Outcome first = digest.deliver(WEEK);
            assertThat(first.digest().counts()).isEqualTo(new Digest.Counts(4, 0, 1, 1, 1, 0, 1, 1));
            assertThat(first.queuedTo()).hasSize(2);
            assertThat(digest.deliver(WEEK).sentBefore()).isNotNull();
        } finally {
            dropSchema(pg.get());
        }
    }

    @Test
    void sentOnceArchivedAndEscaped() throws Exception {
        twoMonths();
        WeeklyDigest digest = new WeeklyDigest(ds, config, () -> board, clock, sender);
        int before = smtp.getReceivedMessages().length;
        WeeklyDigest.Outcome first = digest.deliver(WEEK);
        assertThat(first.sentBefore()).isNull();
        assertThat(first.queuedTo()).containsExactly("board@example.org", "chair@example.org");
        assertThat(first.replaced()).isFalse();
        List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages()).subList(before, smtp.getReceivedMessages().length);
        assertThat(mails).hasSize(2);
        String raw = GreenMailUtil.getWholeMessage(mails.get(0));
        assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("image/png")
                .contains("Content-ID: <spark-1.2025-W49@perfalert>");
        assertThat(mails.get(0).getSubject()).contains("2025-W49");

        Path html = first.archived();
        assertThat(html).isEqualTo(dir.resolve("digests/2025-W49/digest.html"));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("Operation &lt;Falcon&gt; &amp; patrols").contains("Known &lt;b&gt;outage&lt;/b&gt;")
                .contains("src=\"img/spark-1.png\"");
        assertThat(dir.resolve("digests/2025-W49/img/spark-1.png")).isNotEmptyFile();
        assertThat(dir.resolve("digests/2025-W49/digest.txt")).content().contains("Operation <Falcon> & patrols");

        WeeklyDigest.Outcome again = digest.deliver(WEEK);
        assertThat(again.sentBefore()).isEqualTo(clock.instant());
        assertThat(again.replaced()).isTrue();
        assertThat(again.message()).contains("replaced the earlier copy").contains("not sent again");
        assertThat(smtp.getReceivedMessages()).hasSize(before + 2);
        assertThat(new Outbox(ds).all().stream().filter(e -> e.runId().equals("digest-2025-W49"))).hasSize(2);
    }

    @Test
    void aWeekWithNothingChangedStillGoesOutAndSaysSo() throws Exception {
        twoMonths();
        DigestWeek quiet = DigestWeek.parse("2025-W50", ZoneId.of("Europe/London"));
        Digest d = new WeeklyDigest(ds, config, () -> board, clock, sender).build(quiet);
        assertThat(d.raised()).isZero();
        assertThat(d.counts()).isEqualTo(new Digest.Counts(0, 0, 0, 0, 0, 0, 0, 0));
        String text = new DigestRenderer(null).text(d);
        assertThat(text).contains("No new figures this week").contains("Nothing more", "Known <b>outage</b>");
    }

    @Test
    void theScheduledRunDigestsTheWeekJustEnded() throws Exception {
        twoMonths();   // the clock now stands on Monday 8 December 2025
        WeeklyDigest digest = new WeeklyDigest(ds, config, () -> board, clock, sender);
        assertThat(digest.lastCompleteWeek()).isEqualTo(WEEK);
        assertThat(digest.currentWeek().toString()).isEqualTo("2025-W50");
        assertThat(digest.weekly()).startsWith("digest 2025-W49: archived at ")
                .contains("queued for board@example.org, chair@example.org, 2 email(s) sent now")
                .endsWith("2 series shown of 6 exceptions held");
    }

    @Test
    void aBacklogWeekRanksTheLatestMonthAndListsTheEarlierOnes() throws Exception {
        Set<SeriesKey> all = new HashSet<>(series("robbery", "Cambridgeshire", "Peterborough"));
        raise(stages, OCT, List.of(
                exception("twelve-month-low", "robbery", "Peterborough", OCT, Severity.HIGH, Direction.IMPROVEMENT, 3)), all, "oct");
        raise(stages, NOV, List.of(
                exception("spc-shift", "robbery", "Cambridgeshire", NOV, Severity.MEDIUM, Direction.CONCERN, 72)), all, "nov");
        Digest d = new WeeklyDigest(ds, config, () -> board, clock, sender)
                .build(DigestWeek.containing(LocalDate.of(2025, 11, 5), ZoneId.of("Europe/London")));
        assertThat(d.dataMonths()).containsExactly("October 2025", "November 2025");
        assertThat(d.raised()).isEqualTo(2);
        // the latest month's exception, neither a signal nor notable, is counted under its theme and rule
        assertThat(d.signals()).isEmpty();
        assertThat(d.worthALook()).isEmpty();
        assertThat(d.others()).extracting(Digest.RuleCount::rule, Digest.RuleCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spc-shift", 1));
        assertThat(d.earlier()).extracting(Digest.AppendixLine::series, Digest.AppendixLine::month)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Robbery \u2014 Peterborough", "October 2025"));
        assertThat(d.resolved()).extracting(Digest.AppendixLine::month).containsExactly("November 2025");
    }

    @Test
    void theArchivedCopyOpensInARealBrowser() throws Exception {
        Path chromium = Chromium.require();
        twoMonths();
        Path html = new WeeklyDigest(ds, config, () -> board, clock, sender).deliver(WEEK).archived();
        Path png = dir.resolve("shot/digest.png");
        Files.createDirectories(dir.resolve("shot/profile"));
        Chromium.screenshot(chromium, html, png, 1280, 2000, dir.resolve("shot/profile"));
        Files.copy(png, Path.of("target/digest-browser-check.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to look at
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(2000);
        // Rendered, not blank: the page's header band (dark blue) and a sparkline's concern dot (red) are on it.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y) & 0xffffff);
        assertThat(colours).contains(0x1f3a5f).hasSizeGreaterThan(50);
    }
}
