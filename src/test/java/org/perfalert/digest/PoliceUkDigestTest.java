package org.perfalert.digest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.*;
import org.perfalert.cli.CliRun;
import org.perfalert.cli.Main;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.FileResult;
import org.perfalert.model.*;
import org.perfalert.pipeline.MonthRun;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pipeline.RunParts;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.rules.*;
import org.perfalert.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.*;
import java.time.temporal.TemporalAdjusters;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest over the real data.police.uk sample (2024–2025): each month's file is loaded, evaluated with the
 * standard rule pack and its alerts raised by the real pipeline on the first Tuesday of the month after, so each
 * month's changes fall in a week of their own. The digests are then checked against the stored exceptions.
 */
class PoliceUkDigestTest {
    static final YearMonth DEC = YearMonth.of(2025, 12);
    @TempDir static Path dir;
    static Configuration config;
    static Store store;
    static final MovableClock clock = new MovableClock();
    static final Map<YearMonth, List<PerformanceException>> found = new TreeMap<>();
    static final Map<YearMonth, DigestWeek> weekOf = new TreeMap<>();
    static RuleSettings settings;

    @BeforeAll
    static void loadEvaluateAndProcessEveryMonth() throws Exception {
        Path cfg = dir.resolve("config");
        Files.createDirectories(cfg);
        for (String f : List.of("metrics.yaml", "areas.yaml", "people.yaml"))
            Files.copy(Path.of("config", f), cfg.resolve(f));
        Path storeFile = dir.resolve("store").toAbsolutePath();
        Files.writeString(cfg.resolve("application.properties"), "mail.mode=file\nmail.from=perfalert@example.org\n"
                + "mail.file.dir=" + slash(dir.resolve("mail")) + "\ndigest.dir=" + slash(dir.resolve("digests")) + "\n"
                + "store.url=jdbc:h2:file:" + slash(storeFile) + "\n");
        config = ConfigLoader.load(cfg);
        store = Store.open("jdbc:h2:file:" + storeFile, "sa", "", clock);
        RuleBase rules = StandardRules.pack();
        settings = rules.settings();
        List<String> ruleProblems = new ArrayList<>();
        RunParts parts = RunParts.of(config, rules, store, clock, ruleProblems::add);
        Pipeline pipeline = new Pipeline(store, () -> parts, clock);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("samples/policeuk/street"))) { files = s.sorted().toList(); }
        for (Path file : files) {
            YearMonth month = YearMonth.parse(file.getFileName().toString().substring(0, 7));
            LocalDate tuesday = month.plusMonths(1).atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            clock.now = tuesday.atTime(9, 0).toInstant(ZoneOffset.UTC);
            if (month.equals(DEC))   // a silence the board should see, made before December is processed
                new SilenceStore(store.dataSource()).add("policeuk.bicycle_theft", "*", "*", LocalDate.of(2026, 3, 31),
                        "Recording practice for cycle thefts under review", "Performance team", clock.instant());
            FileResult loaded = pipeline.load(file);
            assertThat(loaded.loaded()).as(file.toString()).isTrue();
            assertThat(loaded.touchedMonths()).containsExactly(month);
            List<MonthRun> run = pipeline.evaluateAndRaise(loaded.touchedMonths(), "run-" + month);
            found.put(month, run.get(0).evaluation().findings());
            weekOf.put(month, DigestWeek.containing(tuesday, ZoneId.of("Europe/London")));
        }
        assertThat(ruleProblems).as("no rule failed for any series").isEmpty();
        // The crime lead acknowledges December's Cambridge drugs exception two hours later, in the same week.
        clock.now = clock.now.plus(Duration.ofHours(2));
        StoredAlert drugs = new AlertStore(store.dataSource()).forMonth(DEC).stream()
                .filter(a -> a.series().metric().equals("policeuk.drugs") && a.series().area().equals("Cambridge")
                        && a.rule().equals("spc-outside-limits")).findFirst().orElseThrow();
        new Acknowledging(store.dataSource()).acknowledge(drugs.id(), new Acknowledging.Who("Head of Crime", null, "command"), "Operation Gaia warrants in the city centre; expected "
                + "to stay high until March", clock.instant());
    }

    static WeeklyDigest digest() { return Digests.over(store, config, settings, clock, true); }

    @Test
    void decembersWeekAgreesWithTheStoredExceptions() throws Exception {
        Digest d = digest().build(weekOf.get(DEC));
        List<StoredAlert> stored = new AlertStore(store.dataSource()).forMonth(DEC);
        assertThat(d.dataMonths()).containsExactly("December 2025");
        assertThat(d.boardMonth()).isEqualTo("December 2025");
        assertThat(d.raised()).isEqualTo(found.get(DEC).size()).isEqualTo((int) stored.stream().filter(a -> a.status().holds()).count());
        assertThat(d.counts()).isEqualTo(new Digest.Counts(
                count(stored, AlertStatus.NEW, Direction.CONCERN), count(stored, AlertStatus.NEW, Direction.IMPROVEMENT),
                count(stored, AlertStatus.NEW, Direction.NEUTRAL), count(stored, AlertStatus.CONTINUING, null),
                count(stored, AlertStatus.RESOLVED, null), count(stored, AlertStatus.WITHDRAWN, null), 1,
                (int) stored.stream().filter(a -> a.status().holds() && a.silencedBy() != null).count()));
        assertThat(d.counts().silenced()).isPositive();
        assertThat(d.silences()).singleElement().satisfies(s -> assertThat(s.heldBack()).isEqualTo(d.counts().silenced()));

        // SIGNALS.md 4: every exception that holds (not silenced) is shown once, as an item or beside one (also), or
        // counted under its theme and rule; signals and thresholds first, then at most 10 notable ones
        List<StoredAlert> holding = stored.stream().filter(a -> a.status().holds() && a.silencedBy() == null).toList();
        int lines = java.util.stream.Stream.concat(d.signals().stream(), d.worthALook().stream()).mapToInt(i -> 1 + i.also().size()).sum();
        int counted = d.others().stream().mapToInt(Digest.RuleCount::count).sum();
        assertThat(lines + counted).isEqualTo(holding.size());
        assertThat(d.themes()).allSatisfy(t -> assertThat(t.top()).isEmpty());
        Map<String, StoredAlert> byHeadline = new HashMap<>();
        holding.forEach(a -> byHeadline.put(a.headline(), a));
        assertThat(d.signals()).isNotEmpty().allSatisfy(i -> assertThat(byHeadline.get(i.headline()).asException().kind())
                .isIn(ExceptionKind.SIGNAL, ExceptionKind.THRESHOLD));
        assertThat(d.worthALook()).hasSizeLessThanOrEqualTo(10).allSatisfy(i -> {
            assertThat(byHeadline.get(i.headline()).asException().kind()).isEqualTo(ExceptionKind.EXCEPTION);
            assertThat(byHeadline.get(i.headline()).asException().notable()).isTrue();
        });
        List<Double> strengths = d.worthALook().stream().map(i -> byHeadline.get(i.headline()).assessment().strength()).toList();
        assertThat(strengths).isSortedAccordingTo(Comparator.reverseOrder());
        // December's Cambridge drugs figure signals: its item is held by the crime lead, with the acknowledged
        // spc-outside-limits beside it
        Digest.TopItem drugs = d.signals().stream().filter(i -> i.headline().startsWith("Cambridge \u2013 Drugs")).findFirst().orElseThrow();
        assertThat(drugs.lead()).isEqualTo(config.people().holders("crime-lead").get(0).name());
        StoredAlert spc = stored.stream().filter(a -> a.month().equals(DEC) && a.series().metric().equals("policeuk.drugs")
                && a.series().area().equals("Cambridge") && a.rule().equals("spc-outside-limits")).findFirst().orElseThrow();
        // named in words: the spc headline without its series and month
        assertThat(drugs.also()).contains(spc.headline().substring(spc.headline().indexOf(": ") + 2));
        assertThat(d.shownLines()).isEqualTo(d.signals().size() + d.worthALook().size());
        assertThat(d.images()).hasSize(d.shownLines());
        // Only the police.uk measures have data: every board measure is listed as having none.
        long policeUk = config.catalogue().all().stream().filter(m -> m.id().startsWith("policeuk.")).count();
        assertThat(d.noData()).hasSize(config.catalogue().all().size() - (int) policeUk);
        assertThat(d.late()).isEmpty();
    }

    @Test
    void theBoardTablesAgreeWithTheRules() throws Exception {
        for (YearMonth month : List.of(YearMonth.of(2025, 6), YearMonth.of(2025, 10), DEC)) {
            Digest d = digest().build(weekOf.get(month));
            List<Digest.BoardRow> rows = d.themes().stream().flatMap(t -> t.board().stream()).toList();
            assertThat(rows).hasSize(15);   // the 15 police.uk measures, force level
            Map<String, Double> force = new HashMap<>();
            store.observations().upTo(month).stream().filter(o -> o.month().equals(month) && o.areaType() == AreaType.FORCE)
                    .forEach(o -> force.put(o.metric(), o.value()));
            for (Digest.BoardRow r : rows) {
                Metric m = config.catalogue().get(r.metric());
                assertThat(r.current()).as(r.metric()).isEqualTo(Wording.value(m, force.get(r.metric())));
                assertAgrees(month, r.metric(), "above-average-1yr", "below-average-1yr", r.vsYear(), m.better());
                assertAgrees(month, r.metric(), "above-benchmark", "below-benchmark", r.vsBenchmark(), m.better());
                assertThat(r.vsThreeYears()).isEqualTo(Digest.Comparison.NONE);   // 24 months of data: no 3-year average
                assertThat(r.sameMonth().get(1)).isEqualTo("\u2013");             // nor a figure two years back
            }
        }
    }

    /** A significant result on the board exactly when the rule fired for the force. */
    private static void assertAgrees(YearMonth month, String metric, String up, String down, Digest.Comparison c, Better better) {
        boolean rose = firedForForce(month, metric, up), fell = firedForForce(month, metric, down);
        String risen = better == Better.NEUTRAL ? "Higher" : better == Better.UP ? "Improved" : "Deteriorated";
        String fallen = better == Better.NEUTRAL ? "Lower" : better == Better.UP ? "Deteriorated" : "Improved";
        if (rose) assertThat(c.word()).as(metric + " " + month + " " + up).isEqualTo(risen);
        else if (fell) assertThat(c.word()).as(metric + " " + month + " " + down).isEqualTo(fallen);
        else assertThat(c.word()).as(metric + " " + month + " " + up).isIn("Comparable", "\u2013");
    }

    private static boolean firedForForce(YearMonth month, String metric, String rule) {
        return found.get(month).stream().anyMatch(e -> e.metric().equals(metric) && e.rule().equals(rule)
                && e.areaType() == AreaType.FORCE);
    }

    @Test
    void everyWeekFitsAboveTheAppendix() throws Exception {
        StringBuilder measured = new StringBuilder("week,data month,exceptions held,signal and notable lines,board rows\n");
        for (YearMonth month : found.keySet()) {
            Digest d = digest().build(weekOf.get(month));
            int boardRows = d.themes().stream().mapToInt(t -> t.board().size()).sum();
            measured.append(weekOf.get(month)).append(',').append(month).append(',').append(d.raised()).append(',')
                    .append(d.shownLines()).append(',').append(boardRows).append('\n');
            assertThat(d.raised()).isEqualTo(found.get(month).size());
            // the signals, then at most 10 notable exceptions; the rest counted, whatever was raised
            assertThat(d.worthALook()).hasSizeLessThanOrEqualTo(10);
            if (d.raised() > 20) assertThat(d.shownLines()).isLessThan(d.raised() / 2);
        }
        Files.writeString(Path.of("target/digest-police-uk-weeks.csv"), measured);
    }

    @Test
    void theCommandWritesAWeekToAFileAndRefusesABadWeek() throws Exception {
        Path out = dir.resolve("cli/digest.html");
        String cfg = dir.resolve("config").toString();
        int code = CliRun.run("digest", "--config", cfg, "--rules", "rules", "--week", weekOf.get(DEC).toString(), "--out", out.toString()).exit();
        assertThat(code).isZero();
        assertThat(Files.readString(out)).contains("Performance digest").contains("December 2025");
        try (Stream<Path> imgs = Files.list(dir.resolve("cli/digest-img"))) { assertThat(imgs.count()).isGreaterThan(0); }
        Path text = dir.resolve("cli/digest.txt");
        assertThat(CliRun.run("digest", "--config", cfg, "--rules", "rules", "--week", weekOf.get(DEC).toString(), "--out", text.toString()).exit()).isZero();
        assertThat(Files.readString(text)).startsWith("PERFORMANCE DIGEST, WEEK " + weekOf.get(DEC)).contains("== Crime ==", "== Appendix ==");
        Files.copy(text, Path.of("target/digest-example.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(CliRun.run("digest", "--config", cfg, "--rules", "rules", "--week", "2025-48").exit()).isEqualTo(Main.USAGE);

        // Sending November's week: once, then the archived copy is replaced and nothing more goes.
        String nov = weekOf.get(YearMonth.of(2025, 11)).toString();
        assertThat(run("digest", "--config", cfg, "--rules", "rules", "--week", nov))
                .contains("queued for performance-board@example.org, 1 email(s) sent now");
        assertThat(run("digest", "--config", cfg, "--rules", "rules", "--week", nov))
                .contains("replaced the earlier copy").contains("not sent again");
        assertThat(dir.resolve("digests/" + nov + "/digest.html")).isNotEmptyFile();
        try (Stream<Path> mails = Files.list(dir.resolve("mail"))) {
            assertThat(mails.filter(p -> p.toString().endsWith("performance-board@example.org.eml"))
                    .filter(p -> read(p).contains("week " + nov))).hasSize(1);
        }
    }

    private static String run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    private static String read(Path p) {
        try { return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1); }
        catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    @Test
    void theArchivedDigestRendersInChromium() throws Exception {
        Path chromium = Chromium.require();
        WeeklyDigest.Outcome o = digest().deliver(weekOf.get(DEC));
        assertThat(o.queuedTo()).containsExactlyElementsOf(config.people().digestTo());
        Path png = dir.resolve("shot/digest.png");
        Files.createDirectories(dir.resolve("shot/profile"));
        Chromium.screenshot(chromium, o.archived(), png, 1280, 2000, dir.resolve("shot/profile"));
        Files.copy(png, Path.of("target/digest-example.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(2000);
        assertThat(Files.size(png)).isGreaterThan(20_000);
        // sent once: the week again sends nothing more
        assertThat(digest().deliver(weekOf.get(DEC)).sentBefore()).isNotNull();
        String run = "digest-" + weekOf.get(DEC);
        assertThat(new org.perfalert.notify.Outbox(store.dataSource()).all().stream().filter(e -> e.runId().equals(run)))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("sent"));
    }

    private static Digest.ThemeSection theme(Digest d, String name) {
        return d.themes().stream().filter(t -> t.theme().equals(name)).findFirst().orElseThrow();
    }

    private static int count(List<StoredAlert> rows, AlertStatus s, Direction dir) {
        return (int) rows.stream().filter(a -> a.status() == s && (dir == null || a.direction() == dir)).count();
    }

    private static String slash(Path p) { return p.toAbsolutePath().toString().replace('\\', '/'); }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2024-02-06T09:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
