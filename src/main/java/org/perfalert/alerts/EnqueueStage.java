package org.perfalert.alerts;

import org.perfalert.notify.Outbox;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Stage 7, enqueue: each rendered email into the outbox, in the run's transaction, with a delivery record per item
 * (who was emailed about which alert: what a later withdrawal is sent to) and the item's number in the email (what a
 * reply refers to). The outbox sender sends them.
 */
public final class EnqueueStage {
    private final Outbox outbox;
    private final AlertStore alerts;

    public EnqueueStage(Outbox outbox, AlertStore alerts) {
        this.outbox = outbox;
        this.alerts = alerts;
    }

    public void enqueue(Connection c, List<RenderStage.Rendered> emails, String runId, Instant now) {
        for (RenderStage.Rendered r : emails) {
            long outboxId = outbox.enqueue(c, runId, r.mail(), now);
            int number = 0;
            for (AlertItem item : EmailRenderer.inEmailOrder(r.email().items())) {
                number++;
                for (AlertItem i : item.withFolded()) {   // an item's folded alerts share its number: acknowledged together
                    alerts.addDelivery(c, i.alertId(), r.email().lead().email(), outboxId,
                            i.status() == AlertStatus.WITHDRAWN ? "withdrawn" : "alert");
                    alerts.addEmailItem(c, outboxId, number, i.alertId());   // what "ack 2" in a reply refers to
                }
            }
        }
    }
}
