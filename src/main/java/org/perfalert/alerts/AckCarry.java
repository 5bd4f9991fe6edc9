package org.perfalert.alerts;

import java.sql.Connection;
import java.time.Instant;
import java.util.*;
import java.util.function.LongPredicate;

/**
 * An acknowledgement holds while the exception continues: the row of a continuing exception takes the acknowledgement
 * of the month before (so the digest shows it), and the notification policy sends no reminder of it (a continuing
 * exception is emailed only when notify.email.statuses includes "continuing"; acknowledged, it goes to the digest only).
 */
final class AckCarry {
    private AckCarry() { }

    /** Carries the month before's acknowledgements to the continuing rows raised; returns the rows acknowledged. */
    static Set<Long> carry(Connection c, AckStore acks, AlertStore alerts, List<AlertItem> raised,
                           Collection<StoredAlert> monthBefore, Instant now) {
        Map<String, Long> before = new HashMap<>();
        monthBefore.stream().filter(a -> a.status().holds()).forEach(a -> before.put(a.track(), a.id()));
        Map<StoredAlert, Long> continuing = new LinkedHashMap<>();
        for (AlertItem i : raised) {
            if (i.status() != AlertStatus.CONTINUING) continue;
            Long previous = before.get(StoredAlert.track(i.exception().rule(), i.exception().seriesKey()));
            if (previous != null) alerts.find(c, i.alertId()).ifPresent(row -> continuing.put(row, previous));
        }
        return acks.carryForward(c, continuing, now);
    }

    /** The policy's decisions, with acknowledged continuing exceptions kept for the digest. */
    static List<PolicyStage.Decided> noReminders(List<PolicyStage.Decided> decided, LongPredicate acknowledged) {
        return decided.stream().map(d -> d.delivery() == Delivery.EMAIL_NOW && d.item().status() == AlertStatus.CONTINUING
                && acknowledged.test(d.item().alertId()) ? new PolicyStage.Decided(d.item(), Delivery.DIGEST_ONLY) : d).toList();
    }
}
