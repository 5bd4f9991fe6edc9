package org.perfalert.alerts;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 3, persist: writes the decisions to the alert store inside the run's transaction and hands on the raised
 * ones as {@link AlertItem}s with their row numbers (a withdrawn one with the addresses emailed about it before).
 */
public final class PersistStage {
    private final AlertStore alerts;

    public PersistStage(AlertStore alerts) { this.alerts = alerts; }

    public List<AlertItem> write(Connection c, List<Decision> decisions, String runId, Instant now) {
        List<AlertItem> raised = new ArrayList<>();
        for (Decision d : decisions) {
            switch (d.action()) {
                case REMOVE -> alerts.delete(c, d.before().id());
                case REFRESH -> alerts.update(c, d.before().id(), d.content(), d.status(), d.before().silencedBy(), runId, now);
                case KEEP -> { }
                case RAISE -> {
                    long id;
                    if (d.before() == null) id = alerts.insert(c, d.content(), d.status(), d.silencedBy(), runId, now);
                    else {
                        id = d.before().id();
                        alerts.update(c, id, d.content(), d.status(), d.silencedBy(), runId, now);
                    }
                    Set<String> before = d.status() == AlertStatus.WITHDRAWN ? alerts.emailedAbout(c, id) : Set.of();
                    raised.add(new AlertItem(id, d.status(), d.content(), d.silencedBy(), before));
                }
            }
        }
        return raised;
    }
}
