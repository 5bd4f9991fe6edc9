package org.perfalert.alerts;

import org.junit.jupiter.api.Test;
import org.perfalert.model.Assessment;
import org.perfalert.model.Calibrated;
import org.perfalert.model.ExceptionKind;
import org.perfalert.model.PerformanceException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.exception;
import static org.perfalert.alerts.StageFixtures.MAR;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;
import static org.perfalert.model.Severity.MEDIUM;

/** SIGNALS.md 4: one item per metric, led by the lowest level that signals; every rule of an emailed figure folded in; ranked by strength. */
class FoldingTest {
    static AlertItem item(long id, String rule, String metric, String area, double strength, ExceptionKind kind) {
        PerformanceException e = exception(rule, metric, area, MAR, HIGH, CONCERN, 10).assessed(
                new Assessment(kind, true, Calibrated.NONE, strength));
        return AlertItem.of(id, AlertStatus.NEW, e);
    }

    @Test
    void oneItemPerMetricLedByTheLowestLevelThatSignals() {
        AlertItem force = item(1, "exceptional-high", "drugs", "Cambridgeshire", 9, ExceptionKind.SIGNAL);
        AlertItem area = item(2, "exceptional-high", "drugs", "South", 6, ExceptionKind.SIGNAL);
        AlertItem district = item(3, "exceptional-high", "drugs", "Cambridge", 2, ExceptionKind.SIGNAL);
        AlertItem sameFigure = item(4, "twelve-month-high", "drugs", "Cambridge", 1.5, ExceptionKind.EXCEPTION);
        AlertItem otherFigure = item(5, "twelve-month-high", "drugs", "Fenland", 1.5, ExceptionKind.EXCEPTION);

        List<AlertItem> items = Folding.fold(List.of(force, area, district), List.of(sameFigure, otherFigure));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.alertId()).isEqualTo(3);
            // the other levels, then what the other rules say of the same figure; Fenland's figure is not emailed
            assertThat(i.also()).extracting(AlertItem::alertId).containsExactly(2L, 1L, 4L);
            assertThat(i.alsoText()).isEqualTo("also: South and the force; twelve-month-high");
        });
    }

    @Test
    void itemsAreRankedSignalsFirstThenByStrength() {
        AlertItem weak = item(1, "exceptional-high", "burglary", "Fenland", 1.1, ExceptionKind.SIGNAL);
        AlertItem strong = item(2, "sustained-rise", "robbery", "Fenland", 1.8, ExceptionKind.SIGNAL);
        AlertItem threshold = item(3, "threshold-above", "calls_999", "Cambridgeshire", 4, ExceptionKind.THRESHOLD);
        AlertItem withdrawn = new AlertItem(4, AlertStatus.WITHDRAWN,
                exception("exceptional-high", "robbery", "Fenland", MAR, MEDIUM, CONCERN, 3), null, java.util.Set.of("a@b.c"));

        assertThat(Folding.fold(List.of(threshold, weak, withdrawn, strong), List.of())).extracting(AlertItem::alertId)
                .containsExactly(2L, 1L, 3L, 4L);
    }
}
