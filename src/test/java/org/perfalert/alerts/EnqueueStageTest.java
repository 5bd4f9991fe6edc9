package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.Person;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.notify.RenderedEmail;
import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.StageFixtures.*;

/** Stage 7: each rendered email into the outbox, and a delivery record per item it carries (a withdrawal's kind apart). */
class EnqueueStageTest {
    static final Instant NOW = Instant.parse("2025-04-02T08:00:00Z");

    @ParameterizedTest(name = "{0} email(s) of {1} item(s), {2} -> {0} pending row(s), deliveries {3}")
    @CsvSource({
            "1, 1, new,       alert",
            "1, 2, new,       'alert, alert'",
            "2, 1, new,       'alert, alert'",
            "1, 1, withdrawn, withdrawn",
    })
    void queues(int emails, int items, String status, String kinds) throws Exception {
        DataSource ds = AlertTestSupport.h2();
        AlertStore alerts = new AlertStore(ds);
        List<AlertItem> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            var e = AlertTestSupport.exception("rule-" + i, "burglary", "Fenland", MAR, org.perfalert.model.Severity.HIGH,
                    org.perfalert.model.Direction.CONCERN, 40 + i);
            long id = Transactions.write(ds, "given", c -> alerts.insert(c, e, AlertStatus.parse(status), null, "run", NOW));
            list.add(AlertItem.of(id, AlertStatus.parse(status), e));
        }
        List<RenderStage.Rendered> rendered = new ArrayList<>();
        for (int n = 0; n < emails; n++) {
            Person lead = new Person("Lead " + n, "lead" + n + "@example.org");
            rendered.add(new RenderStage.Rendered(new EmailPlan.LeadEmail(lead, list, 0),
                    new RenderedEmail(lead.email(), "subject " + n, "<m" + n + "@example.org>", "mime " + n)));
        }

        Transactions.write(ds, "test", c -> { new EnqueueStage(new Outbox(ds), alerts).enqueue(c, rendered, "run-1", NOW); return null; });

        assertThat(new Outbox(ds).all()).hasSize(emails).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxEntry.PENDING);
            assertThat(r.runId()).isEqualTo("run-1");
        });
        assertThat(String.join(", ", deliveryKinds(ds))).isEqualTo(kinds);
    }

    private static List<String> deliveryKinds(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind FROM alert_delivery ORDER BY outbox_id, alert_id")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
