package org.perfalert.pipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.alerts.AlertStatus;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.AlertTestSupport;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.digest.BoardSource;
import org.perfalert.digest.Digest;
import org.perfalert.digest.DigestWeek;
import org.perfalert.digest.WeeklyDigest;
import org.perfalert.fixtures.SimulatedCrash;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.model.Metric;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.Backoff;
import org.perfalert.notify.FileTransport;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.notify.OutboxSender;
import org.perfalert.store.Crashpoints;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evaluation owed by a load (issue 18, failures 3 and 7, and retired metrics): recorded with the figures, paid with
 * the alerts, finished after a crash; months older than notify.max-age-months stored but emailed to no one.
 */
class OwedEvaluationTest {
    static final YearMonth JAN = YearMonth.of(2020, 1), SEP = YearMonth.of(2020, 9), OCT = YearMonth.of(2020, 10),
            DEC = YearMonth.of(2020, 12);
    @TempDir Path dir;
    final AlertTestSupport.TestClock clock = new AlertTestSupport.TestClock(Instant.parse("2021-01-05T08:00:00Z"));

    @AfterEach
    void noCrashes() { Crashpoints.install(null); }

    /** burglary with a limit of 50 (Bea hears of it), robbery, 999 calls. */
    Configuration config(String name, boolean withBurglary) throws Exception {
        Path cfg = dir.resolve(name);
        AlertTestSupport.config(cfg, "");
        Files.writeString(cfg.resolve("metrics.yaml"), "metrics:\n"
                + (withBurglary ? "  - { id: burglary, label: Dwelling burglary, unit: count, better: down, theme: Offenders,"
                + " owner: burglary-lead, thresholds: { above: 50 } }\n" : "")
                + "  - { id: robbery, label: Robbery, unit: count, better: down, theme: Offenders, owner: crime-lead }\n"
                + "  - { id: calls_999, label: 999 calls received, unit: count, better: neutral, theme: Demand, owner: demand-hub }\n");
        return ConfigLoader.load(cfg);
    }

    Pipeline pipeline(Store store, RunParts parts, int chunk) {
        return new Pipeline(store, () -> parts, clock, new Limits(Duration.ofSeconds(60), 100, chunk, 2));
    }

    RunParts parts(Store store, Configuration config) throws Exception {
        return RunParts.of(config, StandardRules.pack(), store, clock, p -> { throw new AssertionError(p); });
    }

    /** A year of force burglary: above the limit of 50 in the odd months, below it in the even ones. */
    Path year() throws Exception {
        List<String> lines = new ArrayList<>(List.of("month,metric,area_type,area,value"));
        for (YearMonth m = JAN; !m.isAfter(DEC); m = m.plusMonths(1))
            lines.add(m + ",burglary,force,Cambridgeshire," + (m.getMonthValue() % 2 == 1 ? 60 : 40));
        return Files.write(dir.resolve("2020-burglary.csv"), lines);
    }

    static List<OutboxEntry> mails(Store store) { return new Outbox(store.dataSource()).all(); }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aLoadOwesItsMonthsUntilTheirAlertsAreStoredAndABackfillEmailsNoOne(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, clock)) {
            Pipeline pipeline = pipeline(store, parts(store, config("config", true)), 5);
            pipeline.load(year());
            assertThat(pipeline.owed().keySet()).hasSize(12).first().isEqualTo(JAN);

            List<MonthRun> runs = new ArrayList<>();
            for (List<MonthRun> chunk; !(chunk = pipeline.evaluateOwed("run")).isEmpty(); ) {
                assertThat(chunk).hasSizeLessThanOrEqualTo(5);
                runs.addAll(chunk);
            }

            assertThat(pipeline.owed()).isEmpty();
            assertThat(runs).extracting(m -> m.evaluation().month()).containsExactlyElementsOf(
                    new TreeSet<>(runs.stream().map(m -> m.evaluation().month()).toList())).hasSize(12);
            // the latest month is December: months before October are more than two months older
            assertThat(runs).allSatisfy(m -> assertThat(m.backfill()).isEqualTo(m.evaluation().month().isBefore(OCT)));
            // stored all the same: January's exception is there, as new
            assertThat(new AlertStore(store.dataSource()).forMonth(JAN)).anySatisfy(a -> {
                assertThat(a.rule()).isEqualTo("threshold-above");
                assertThat(a.status()).isEqualTo(AlertStatus.NEW);
            });
            // only November's new exception was emailed
            assertThat(mails(store)).isNotEmpty().allSatisfy(m -> assertThat(m.subject()).contains("November 2020"));

            Digest digest = digest(store, config("config", true));
            assertThat(digest.backfilled()).isEqualTo(5);   // January, March, May, July, September
            assertThat(digest.maxAgeMonths()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aCrashBetweenEvaluatingAndStoringTheAlertsLeavesTheMonthsOwedAndTheyAreRaisedOnceAfterARestart(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, clock)) {
            Configuration config = config("config", true);
            pipeline(store, parts(store, config), 12).load(year());
            try (AutoCloseable crash = SimulatedCrash.times("evaluate.before-raise", 1)) {
                assertThatThrownBy(() -> pipeline(store, parts(store, config), 12).evaluateOwed("run-1"))
                        .isInstanceOf(SimulatedCrash.class);
            }
            assertThat(pipeline(store, parts(store, config), 12).owed()).hasSize(12);
            assertThat(new AlertStore(store.dataSource()).forMonth(JAN)).isEmpty();
            // a crash right after the first month's alerts committed: that month is paid, the rest owed
            try (AutoCloseable crash = SimulatedCrash.times("evaluate.after-raise", 1)) {
                assertThatThrownBy(() -> pipeline(store, parts(store, config), 12).evaluateOwed("run-2"))
                        .isInstanceOf(SimulatedCrash.class);
            }
            assertThat(pipeline(store, parts(store, config), 12).owed()).hasSize(11).doesNotContainKey(JAN);

            Pipeline restarted = pipeline(store, parts(store, config), 12);
            assertThat(restarted.evaluateOwed("run-3")).hasSize(11);

            assertThat(restarted.owed()).isEmpty();
            List<OutboxEntry> mails = mails(store);
            assertThat(mails).isNotEmpty();
            assertThat(mails.stream().map(OutboxEntry::subject).distinct()).hasSameSizeAs(mails);   // nothing queued twice
            for (YearMonth m = JAN; !m.isAfter(DEC); m = m.plusMonths(1))
                assertThat(new AlertStore(store.dataSource()).forMonth(m).stream().filter(a -> a.rule().equals("threshold-above")))
                        .as("threshold alerts of " + m).hasSizeLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aMonthLoadedAgainWhileItIsBeingEvaluatedStaysOwed(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, clock)) {
            Pipeline pipeline = pipeline(store, parts(store, config("config", true)), 12);
            Path jan = Files.writeString(dir.resolve("jan.csv"), "month,metric,area_type,area,value\n" + JAN + ",burglary,force,Cambridgeshire,60\n");
            pipeline.load(jan);
            Path revised = Files.writeString(dir.resolve("jan-revised.csv"), "month,metric,area_type,area,value\n"
                    + JAN + ",burglary,force,Cambridgeshire,75\n");
            // between January's evaluation and its alerts, a revision of January is loaded (another route's load)
            boolean[] once = {true};
            Crashpoints.install(point -> {
                if (point.equals("evaluate.before-raise") && once[0]) {
                    once[0] = false;
                    pipeline.load(revised);
                }
            });

            assertThat(pipeline.evaluateOwed("run-1")).hasSize(1);

            assertThat(pipeline.owed()).containsOnlyKeys(JAN);   // the revision's row was not read, so it is not paid
            assertThat(pipeline.evaluateOwed("run-2")).singleElement()
                    .satisfies(m -> assertThat(m.evaluation().findings()).anySatisfy(e -> assertThat(e.evidence()).containsEntry("value", 75.0)));
            assertThat(pipeline.owed()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void alertsOfAMetricRemovedFromTheConfigurationAreClosedAsRetiredAndTheDigestSaysSo(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, clock)) {
            pipeline(store, parts(store, config("config", true)), 12).load(year());
            pipeline(store, parts(store, config("config", true)), 12).evaluateOwed("run-1");
            AlertStore alerts = new AlertStore(store.dataSource());
            long holding = alerts.forMonth(YearMonth.of(2020, 11)).stream().filter(a -> a.status().holds()).count();
            assertThat(holding).isPositive();

            // an analyst removes burglary from metrics.yaml: the next version retires what still holds
            Configuration without = config("config-2", false);
            Pipeline next = pipeline(store, parts(store, without), 12);
            assertThat(next.evaluateOwed("run-2")).isEmpty();

            List<StoredAlert> nov = alerts.forMonth(YearMonth.of(2020, 11));
            assertThat(nov).filteredOn(a -> a.series().metric().equals("burglary") && a.rule().equals("threshold-above"))
                    .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.RETIRED));
            assertThat(nov).noneMatch(a -> a.series().metric().equals("burglary") && a.status().holds());
            Digest digest = digest(store, without);
            assertThat(digest.retired()).isNotEmpty().allSatisfy(l -> {
                assertThat(l.series()).isEqualTo("burglary");
                assertThat(l.status()).isEqualTo("retired");
            });
        }
    }

    /** The digest of the week in progress (everything above happened at the clock's time). */
    Digest digest(Store store, Configuration config) {
        BoardSource board = new BoardSource() {
            @Override public List<Digest.BoardRow> rows(List<Metric> metrics, YearMonth month) { return List.of(); }
            @Override public SortedMap<YearMonth, Double> values(SeriesKey s, YearMonth from, YearMonth to) { return new TreeMap<>(); }
        };
        OutboxSender sender = new OutboxSender(new Outbox(store.dataSource()), new FileTransport(dir.resolve("mail")), clock, Backoff.DEFAULT);
        return new WeeklyDigest(store.dataSource(), config, () -> board, clock, sender)
                .build(DigestWeek.containing(java.time.LocalDate.of(2021, 1, 5), ZoneId.of("Europe/London")));
    }
}
