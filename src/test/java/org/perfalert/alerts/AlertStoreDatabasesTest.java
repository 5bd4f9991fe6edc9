package org.perfalert.alerts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.notify.OutboxEntry;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;

/**
 * The alert store's SQL on H2 and, when PERFALERT_TEST_PG_URL is set, on PostgreSQL (each run in a schema of
 * its own): lifecycle rows, deliveries, outbox, silences and acknowledgements.
 */
class AlertStoreDatabasesTest {
    static final List<PGSimpleDataSource> PG = new ArrayList<>();
    @TempDir Path dir;

    static Stream<Arguments> databases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("H2", h2()));
        var pg = postgres();
        pg.ifPresent(ds -> { PG.add(ds); out.add(Arguments.of("PostgreSQL", ds)); });
        return out.stream();
    }

    @AfterAll
    static void dropSchemas() throws Exception { for (PGSimpleDataSource ds : PG) dropSchema(ds); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lifecycleOutboxSilencesAndAcks(String name, DataSource ds) throws Exception {
        Configuration config = config(dir.resolve("config"), "mail.mode=file\nmail.file.dir=" + dir.resolve("mail") + "\n");
        TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));
        AlertStages stages = new AlertStages(ds, config, clock);
        YearMonth feb = YearMonth.of(2025, 2), mar = feb.plusMonths(1);
        PerformanceException a = exception("exceptional-high", "burglary", "Fenland", feb, HIGH, CONCERN, 41);
        PerformanceException b = exception("threshold-above", "robbery", "Cambridge", feb, HIGH, CONCERN, 9);
        Set<org.perfalert.model.SeriesKey> evaluated = series("burglary", "Fenland");
        evaluated.addAll(series("robbery", "Cambridge"));

        assertThat(raise(stages, feb, List.of(a, b), evaluated, "r1").emailsQueued()).isEqualTo(3);
        RunSummary s = raise(stages, mar, List.of(exception("exceptional-high", "burglary", "Fenland", mar, HIGH, CONCERN, 45)),
                evaluated, "r2");
        assertThat(List.of(s.newCount(), s.continuing(), s.resolved())).containsExactly(0, 1, 1);
        assertThat(raise(stages, feb, List.of(b), evaluated, "r3").withdrawn()).isEqualTo(1);

        AlertStore store = new AlertStore(ds);
        StoredAlert withdrawn = store.find(a.fingerprint()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(AlertStatus.WITHDRAWN);
        assertThat(withdrawn.evidence()).containsEntry("value", 41.0).containsEntry("since", "2023-11");
        assertThat(store.emailedAbout(withdrawn.id())).containsExactly("bea@example.org", "nora@example.org");
        assertThat(store.find(String.valueOf(withdrawn.id()))).contains(withdrawn);
        assertThat(store.latestMonth()).contains(mar);
        assertThat(store.changedBetween(clock.instant(), clock.instant().plusSeconds(1))).hasSize(4);
        assertThat(store.changedBetween(clock.instant().plusSeconds(1), clock.instant().plusSeconds(2))).isEmpty();
        assertThat(new org.perfalert.notify.Outbox(ds).all()).hasSize(5).allSatisfy(r -> assertThat(r.status()).isEqualTo(OutboxEntry.PENDING));
        assertThat(new org.perfalert.notify.Outbox(ds).due(clock.instant(), 10)).hasSize(5);
        assertThat(new org.perfalert.notify.Outbox(ds).countByStatus()).isEqualTo(java.util.Map.of("pending", 5));

        SilenceStore silences = new SilenceStore(ds);
        Silence sil = silences.add("policeuk.*", "*", "*", LocalDate.of(2025, 4, 30), "source fault", "ana", clock.instant());
        assertThat(silences.activeOn(LocalDate.of(2025, 4, 30))).containsExactly(sil);
        assertThat(silences.activeOn(LocalDate.of(2025, 5, 1))).isEmpty();
        assertThat(silences.remove(sil.id())).isTrue();
        assertThat(silences.remove(sil.id())).isFalse();

        AckStore acks = new AckStore(ds);
        StoredAlert robbery = store.find(b.fingerprint()).orElseThrow();
        new Acknowledging(ds).acknowledge(robbery.id(), new Acknowledging.Who("Cris", null, "command"), "known: one prolific offender", clock.instant());
        assertThat(acks.forMonth(feb)).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo(b.fingerprint());
            assertThat(k.by()).isEqualTo("Cris");
        });
        assertThat(acks.between(clock.instant(), clock.instant().plus(Duration.ofDays(7)))).hasSize(1);
        assertThat(acks.between(clock.instant().plusSeconds(1), clock.instant().plus(Duration.ofDays(7)))).isEmpty();
    }
}
