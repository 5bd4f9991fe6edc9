package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.PerformanceException;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.RenderedEmail;
import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.StageFixtures.*;

/** Stage 3: each decision as it leaves the alert store, and the raised items it hands on. */
class PersistStageTest {
    static final Instant NOW = Instant.parse("2025-04-02T08:00:00Z");

    @ParameterizedTest(name = "{0} {2} over a stored {1} -> row {3} (value {4}), items {5}, emailed before [{6}]")
    @CsvSource(nullValues = "-", value = {
            // action, stored before, status -> row's status, row's value, items handed on, emailed before
            "RAISE,   -,        new,       new,       41, 1, -",
            "RAISE,   new,      withdrawn, withdrawn, 41, 1, bea@example.org",
            "REFRESH, new,      new,       new,       44, 0, -",
            "KEEP,    new,      new,       new,       41, 0, -",
            "REMOVE,  resolved, resolved,  -,          0, 0, -",
    })
    void writes(Decision.Action action, String before, String status, String rowStatus, double rowValue, int items, String emailed) {
        DataSource ds = AlertTestSupport.h2();
        AlertStore alerts = new AlertStore(ds);
        PerformanceException stored = high(MAR, 41);
        StoredAlert row = before == null ? null : Transactions.write(ds, "given", c -> {
            long id = alerts.insert(c, stored, AlertStatus.parse(before), null, "earlier", NOW);
            long email = new Outbox(ds).enqueue(c, "earlier", new RenderedEmail("bea@example.org", "s", "<m1@example.org>", "mime"), NOW);
            alerts.addDelivery(c, id, "bea@example.org", email, "alert");
            return alerts.forMonth(c, MAR).get(stored.fingerprint());
        });
        Decision d = new Decision(action, action == Decision.Action.REFRESH ? high(MAR, 44) : stored, AlertStatus.parse(status), row, null);

        List<AlertItem> raised = Transactions.write(ds, "test", c -> new PersistStage(alerts).write(c, List.of(d), "run", NOW));

        assertThat(raised).hasSize(items);
        raised.forEach(i -> {
            assertThat(alerts.find(String.valueOf(i.alertId()))).isPresent();
            assertThat(i.emailedBefore()).isEqualTo(emailed == null ? java.util.Set.of() : java.util.Set.of(emailed));
        });
        var now = alerts.find(stored.fingerprint());
        if (rowStatus == null) assertThat(now).isEmpty();
        else assertThat(now).hasValueSatisfying(a -> {
            assertThat(a.status().id()).isEqualTo(rowStatus);
            assertThat(a.evidence()).containsEntry("value", rowValue);
        });
    }
}
