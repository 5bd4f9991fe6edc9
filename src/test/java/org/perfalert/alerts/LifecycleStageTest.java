package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.evaluate.Evaluation;
import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.model.PerformanceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.StageFixtures.*;

/** Stage 1: what the lifecycle decides for a fingerprint, from what the month's evaluation found and what is stored. */
class LifecycleStageTest {

    @ParameterizedTest(name = "stored {0}, held before {1}, found {2}, evaluated {3}, revised {4} -> {5} {6}")
    @CsvSource(nullValues = "-", value = {
            // stored at M, held at M-1, found, evaluated, revised figures -> action, status
            "-,         false, true,  true,  false, RAISE,   new",
            "-,         true,  true,  true,  false, RAISE,   continuing",
            "-,         true,  false, true,  false, RAISE,   resolved",
            "-,         true,  false, false, false, -,       -",           // no figure this month: no word on it
            "-,         false, false, true,  false, -,       -",
            "new,       false, true,  true,  false, KEEP,    new",         // the same data again
            "new,       false, true,  true,  true,  REFRESH, new",         // a revision that changes the figures only
            "new,       false, false, true,  false, RAISE,   withdrawn",   // a revision of M: no longer found
            "new,       false, false, false, false, -,       -",           // not evaluated: cannot be withdrawn
            "withdrawn, false, false, true,  false, KEEP,    withdrawn",
            "withdrawn, false, true,  true,  false, RAISE,   new",         // a further revision brings it back
            "resolved,  true,  false, true,  false, KEEP,    resolved",
            "resolved,  false, false, true,  false, REMOVE,  resolved",    // the month before no longer holds
    })
    void decides(String stored, boolean heldBefore, boolean found, boolean evaluated, boolean revised, String action, String status) {
        PerformanceException now = high(MAR, revised ? 44 : 41);
        Map<String, StoredAlert> atMonth = stored == null ? Map.of()
                : byFingerprint(StageFixtures.stored(7, high(MAR, 41), AlertStatus.parse(stored), null));
        List<StoredAlert> before = heldBefore ? List.of(StageFixtures.stored(3, high(FEB, 39), AlertStatus.NEW, null)) : List.of();
        Evaluation evaluation = new Evaluation(MAR, found ? List.of(now) : List.of(), evaluated ? Set.of(series()) : Set.of(),
                SeriesHistory.NONE);

        List<Decision> decisions = LifecycleStage.decide(evaluation, atMonth, before);

        List<String> got = new ArrayList<>();
        decisions.forEach(d -> got.add(d.action() + " " + d.status().id()));
        assertThat(got).containsExactlyElementsOf(action == null ? List.of() : List.of(action + " " + status));
        decisions.forEach(d -> {
            assertThat(d.content().month()).isEqualTo(MAR);
            if (d.action() == Decision.Action.REFRESH) assertThat(d.content().value()).isEqualTo(44.0);
            if (d.status() == AlertStatus.WITHDRAWN) assertThat(d.content().value()).as("what no longer holds").isEqualTo(41.0);
        });
    }
}
