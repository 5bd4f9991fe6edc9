package org.perfalert.alerts;

import java.util.List;

/**
 * Stage 4, the notification policy: for each raised item, an email now or the digest only ({@link NotifyPolicy}).
 * A pure function.
 */
public final class PolicyStage {
    private PolicyStage() { }

    /** An item and what the policy decided for it. */
    public record Decided(AlertItem item, Delivery delivery) { }

    public static List<Decided> decide(List<AlertItem> items, NotifyPolicy policy) {
        return items.stream().map(i -> new Decided(i, policy.decide(i.exception().kind(), i.status(), i.exception().severity(), i.exception().direction(),
                i.silenced(), !i.emailedBefore().isEmpty()))).toList();
    }
}
