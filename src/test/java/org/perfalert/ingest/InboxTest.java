package org.perfalert.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.fixtures.SimulatedCrash;
import org.perfalert.model.Observation;
import org.perfalert.store.Crashpoints;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The inbox's protocol with a crash at each point between its durable steps (issue 18, failures 1 and 3): every file
 * ends filed once, its figures stored once, never lost; links and pipes are refused unread.
 */
class InboxTest {
    static final String HEADER = "month,metric,area_type,area,value\n";
    @TempDir Path dir;

    @AfterEach
    void noCrashes() { Crashpoints.install(null); }

    Path inbox() throws Exception { return Files.createDirectories(dir.resolve("inbox")); }

    Path drop(String name, String rows) throws Exception { return Files.writeString(inbox().resolve(name), HEADER + rows); }

    /** A fresh inbox over the store, as after a restart; owed collects the months recorded with each stored file. */
    Inbox inbox(Store store) throws Exception {
        return new Inbox(inbox(), new InboxLedger(store.dataSource()), n -> n + ".done", TestConfig.clock());
    }

    FileLoader loader(Store store) { return new FileLoader(TestConfig.config(), store.observations(), TestConfig.clock()); }

    static List<String> names(Path d) throws Exception {
        if (!Files.isDirectory(d)) return List.of();
        try (var s = Files.list(d)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aCrashAfterTheCommitLeavesTheFileToBeFiledAsRecordedNotLoadedAgain(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            Path file = drop("2020-01-calls.csv", "2020-01,calls_999,force,Cambridgeshire,1000\n");
            List<YearMonth> owed = new ArrayList<>();
            try (AutoCloseable crash = SimulatedCrash.at("inbox.after-commit")) {
                assertThatThrownBy(() -> inbox(store).take(file, loader(store), (c, r) -> owed.addAll(r.touchedMonths()), "run-1"))
                        .isInstanceOf(SimulatedCrash.class);
            }
            // the figures and the file's fate are committed, the file is still in the inbox
            assertThat(file).exists();
            assertThat(store.observations().all()).hasSize(1);
            assertThat(owed).containsExactly(YearMonth.of(2020, 1));
            // a later file revises January; loading the first file again would put its figure back
            store.observations().load("revision.csv", List.of(new Observation(YearMonth.of(2020, 1), "calls_999",
                    org.perfalert.model.AreaType.FORCE, "Cambridgeshire", 1010, null, null)));

            Inbox.Taken again = inbox(store).take(file, loader(store), (c, r) -> fail("stored twice"), "run-2");

            assertThat(again.outcome()).isEqualTo(Inbox.Outcome.FILED_AS_RECORDED);
            assertThat(again.loaded()).isTrue();
            assertThat(names(dir.resolve("inbox/processed"))).containsExactly("2020-01-calls.csv", "2020-01-calls.csv.report.txt");
            assertThat(dir.resolve("inbox/processed/2020-01-calls.csv.report.txt")).content().contains("loaded", "new: 1");
            assertThat(store.observations().all()).singleElement().satisfies(o -> assertThat(o.value()).isEqualTo(1010.0));
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aCrashInsideTheLoadStoresNothingAndTheFileIsLoadedOnTheNextTry(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            Path file = drop("a.csv", "2020-01,calls_999,force,Cambridgeshire,1000\n");
            // the process dies while the months owed are being written: the transaction never commits
            assertThatThrownBy(() -> inbox(store).take(file, loader(store), (c, r) -> { throw new SimulatedCrash("in the load"); }, "run-1"))
                    .isInstanceOf(SimulatedCrash.class);
            assertThat(store.observations().all()).isEmpty();
            assertThat(new InboxLedger(store.dataSource()).fate(InboxFile.at(file))).isEmpty();

            Inbox.Taken taken = inbox(store).take(file, loader(store), (c, r) -> { }, "run-2");

            assertThat(taken.outcome()).isEqualTo(Inbox.Outcome.LOADED);
            assertThat(taken.months()).containsExactly(YearMonth.of(2020, 1));
            assertThat(store.observations().all()).hasSize(1);
            assertThat(names(dir.resolve("inbox/processed"))).containsExactly("a.csv", "a.csv.report.txt");
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aCrashBetweenTheReportAndTheMoveFilesTheFileInTheSamePlace(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            Path file = drop("bad.csv", "2020-01,calls_999,force,Cambridgeshire,lots\n");
            try (AutoCloseable crash = SimulatedCrash.at("inbox.after-report")) {
                assertThatThrownBy(() -> inbox(store).take(file, loader(store), (c, r) -> { }, "run-1")).isInstanceOf(SimulatedCrash.class);
            }
            assertThat(names(dir.resolve("inbox/rejected"))).containsExactly("bad.csv.report.txt");

            Inbox.Taken again = inbox(store).take(file, loader(store), (c, r) -> { }, "run-2");

            assertThat(again.outcome()).isEqualTo(Inbox.Outcome.FILED_AS_RECORDED);
            assertThat(again.loaded()).isFalse();
            assertThat(names(dir.resolve("inbox/rejected"))).containsExactly("bad.csv", "bad.csv.report.txt");
            assertThat(dir.resolve("inbox/rejected/bad.csv.report.txt")).content().contains("REFUSED", "lots");
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aLinkIsRefusedWithoutReadingItAndItsReportDoesNotSayWhereItPoints(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            // the link points at a pipe nobody writes to: reading it would block for ever
            Path pipe = dir.resolve("secret-pipe");
            new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
            assertThat(pipe).exists();
            Path link = Files.createSymbolicLink(inbox().resolve("link.csv"), pipe);
            Path fifo = inbox().resolve("fifo.csv");
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

            List<Inbox.Taken> taken = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> List.of(
                    inbox(store).take(link, loader(store), (c, r) -> fail("a link was stored"), "run-1"),
                    inbox(store).take(fifo, loader(store), (c, r) -> fail("a pipe was stored"), "run-1")));

            assertThat(taken).allSatisfy(t -> {
                assertThat(t.outcome()).isEqualTo(Inbox.Outcome.REJECTED);
                assertThat(t.observations()).isZero();
            });
            Path rejected = dir.resolve("inbox/rejected");
            assertThat(Files.isSymbolicLink(rejected.resolve("link.csv"))).isTrue();   // the link itself was moved
            assertThat(rejected.resolve("link.csv.report.txt")).content().contains("symbolic link").doesNotContain("secret-pipe");
            assertThat(rejected.resolve("fifo.csv.report.txt")).content().contains("not a regular file");
            assertThat(store.observations().all()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aFileWithA252CharacterNameIsLoadedFiledAndReportedUnderAShortenedReportName(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            String name = "2020-01-" + "x".repeat(240) + ".csv";
            assertThat(name).hasSize(252);
            Path file = drop(name, "2020-01,calls_999,force,Cambridgeshire,1000\n");
            InboxFile before = InboxFile.at(file);
            List<YearMonth> owed = new ArrayList<>();

            Inbox.Taken taken = inbox(store).take(file, loader(store), (c, r) -> owed.addAll(r.touchedMonths()), "run-1");

            // name + ".report.txt" would be 263 characters, more than a file system takes: the report's name is cut
            assertThat(taken.outcome()).isEqualTo(Inbox.Outcome.LOADED);
            assertThat(taken.filedAs()).isEqualTo(dir.resolve("inbox/processed").resolve(name));
            assertThat(names(dir.resolve("inbox/processed"))).hasSize(2).anySatisfy(n -> {
                assertThat(n).endsWith(".report.txt").hasSizeLessThanOrEqualTo(255).startsWith("2020-01-xxx");
                assertThat(dir.resolve("inbox/processed").resolve(n)).content().contains("loaded");
            });
            assertThat(owed).containsExactly(YearMonth.of(2020, 1));
            assertThat(store.observations().all()).hasSize(1);
            assertThat(new InboxLedger(store.dataSource()).fate(before)).hasValueSatisfying(f -> assertThat(f.loaded()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aReportInTheWayDoesNotStopTheFileBeingFiled(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            Path file = drop("a.csv", "2020-01,calls_999,force,Cambridgeshire,1000\n");
            // something else under the report's name (a folder): the file takes the next free place
            Files.createDirectories(dir.resolve("inbox/processed/a.csv.report.txt"));

            Inbox.Taken taken = inbox(store).take(file, loader(store), (c, r) -> { }, "run-1");

            assertThat(taken.filedAs()).isEqualTo(dir.resolve("inbox/processed/a.2.csv"));
            assertThat(dir.resolve("inbox/processed/a.2.csv.report.txt")).content().contains("loaded");
            assertThat(store.observations().all()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aFilesDoneMarkerGoesWhenTheFileIsFiled(String target) throws Exception {
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            Path file = drop("a.csv", "2020-01,calls_999,force,Cambridgeshire,1000\n");
            Files.writeString(inbox().resolve("a.csv.done"), "");

            inbox(store).take(file, loader(store), (c, r) -> { }, "run-1");

            assertThat(names(inbox())).containsExactly("processed");
        }
    }
}
