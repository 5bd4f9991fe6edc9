package org.perfalert.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.*;

class ObservationStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final YearMonth JAN = YearMonth.of(2024, 1), FEB = YearMonth.of(2024, 2);

    @TempDir Path dir;

    static Observation obs(YearMonth m, String area, double value) {
        return new Observation(m, "calls_999", AreaType.DISTRICT, area, value, null, null);
    }

    static Observation rate(YearMonth m, double value, long num, long den) {
        return new Observation(m, "ppo_rate_da", AreaType.FORCE, "Cambridgeshire", value, num, den);
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void newFiguresAreStoredAndReadBackInOrder(String target) {
        try (Store store = TestStores.open(target, dir, CLOCK)) {
            ObservationStore s = store.observations();
            List<Observation> given = List.of(obs(FEB, "Fenland", 2), rate(JAN, 11.49, 95, 827), obs(JAN, "Fenland", 1.5));

            LoadOutcome out = s.load("a.csv", given);

            assertThat(out.added()).isEqualTo(3);
            assertThat(out.unchanged()).isZero();
            assertThat(out.revised()).isZero();
            assertThat(out.touchedMonths()).containsExactly(JAN, FEB);
            assertThat(s.all()).containsExactly(obs(JAN, "Fenland", 1.5), rate(JAN, 11.49, 95, 827), obs(FEB, "Fenland", 2));
            assertThat(s.upTo(JAN)).containsExactly(obs(JAN, "Fenland", 1.5), rate(JAN, 11.49, 95, 827));
            assertThat(s.latestMonth()).contains(FEB);
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void loadingTheSameFiguresAgainChangesNothing(String target) {
        try (Store store = TestStores.open(target, dir, CLOCK)) {
            ObservationStore s = store.observations();
            List<Observation> given = List.of(obs(JAN, "Fenland", 1), rate(JAN, 11.49, 95, 827));
            s.load("a.csv", given);

            LoadOutcome again = s.load("a-again.csv", given);

            assertThat(again.added()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
            assertThat(again.touchedMonths()).isEmpty();
            assertThat(s.all()).containsExactlyInAnyOrderElementsOf(given);
            assertThat(s.revisions(new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland"), JAN)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aDifferentFigureIsARevisionKeepingTheOldOne(String target) {
        try (Store store = TestStores.open(target, dir, CLOCK)) {
            ObservationStore s = store.observations();
            s.load("first.csv", List.of(rate(JAN, 11.49, 95, 827), obs(FEB, "Fenland", 4)));

            LoadOutcome out = s.load("corrected.csv", List.of(rate(JAN, 11.61, 96, 827), obs(FEB, "Fenland", 4)));

            assertThat(out.revised()).isEqualTo(1);
            assertThat(out.unchanged()).isEqualTo(1);
            assertThat(out.touchedMonths()).containsExactly(JAN);
            assertThat(s.all()).contains(rate(JAN, 11.61, 96, 827)).doesNotContain(rate(JAN, 11.49, 95, 827));
            SeriesKey key = new SeriesKey("ppo_rate_da", AreaType.FORCE, "Cambridgeshire");
            assertThat(s.revisions(key, JAN)).containsExactly(new Revision(key, JAN, 11.49, 95L, 827L, "first.csv",
                    11.61, 96L, 827L, "corrected.csv", CLOCK.instant()));
            assertThat(out.revisions()).isEqualTo(s.revisions(key, JAN));
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void aFailedLoadStoresNothingOfIt(String target) {
        try (Store store = TestStores.open(target, dir, CLOCK)) {
            ObservationStore s = store.observations();
            s.load("first.csv", List.of(obs(JAN, "Fenland", 1)));
            Observation tooLongArea = obs(FEB, "x".repeat(300), 1); // longer than the column allows

            assertThatThrownBy(() -> s.load("bad.csv", List.of(obs(JAN, "Fenland", 2), obs(FEB, "Fenland", 3), tooLongArea)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("bad.csv");

            assertThat(s.all()).containsExactly(obs(JAN, "Fenland", 1));
            assertThat(s.revisions(new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland"), JAN)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void reopeningKeepsTheDataAndTheSchema(String target) {
        if (TestStores.H2.equals(target)) {
            try (Store store = TestStores.open(target, dir, CLOCK)) {
                store.observations().load("a.csv", List.of(obs(JAN, "Fenland", 1)));
            }
            try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", CLOCK)) {
                assertThat(store.observations().all()).containsExactly(obs(JAN, "Fenland", 1));
            }
        } else {
            try (Store store = TestStores.open(target, dir, CLOCK)) {
                store.observations().load("a.csv", List.of(obs(JAN, "Fenland", 1)));
                try (Store again = Store.open(TestStores.pgUrl(), System.getenv("PERFALERT_TEST_PG_USER"),
                        System.getenv("PERFALERT_TEST_PG_PASSWORD"), CLOCK)) {
                    assertThat(again.observations().all()).containsExactly(obs(JAN, "Fenland", 1));
                }
            }
        }
    }
}
