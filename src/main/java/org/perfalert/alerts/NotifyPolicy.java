package org.perfalert.alerts;

import org.perfalert.config.Settings;
import org.perfalert.model.Direction;
import org.perfalert.model.ExceptionKind;
import org.perfalert.model.Severity;

import java.util.*;
import java.util.function.Function;

/**
 * The notification policy (settings, see docs/alerts-and-email.md): which exceptions are emailed at once
 * and which wait for the digest. Defaults: {@code new} signals and thresholds (SIGNALS.md 4; notify.email.kinds),
 * concerns or neutral changes, of high or medium severity are emailed; the other section-5 exceptions,
 * improvements, neutral changes, low severity, {@code continuing} and {@code resolved} go to the digest only;
 * a {@code withdrawn} exception is emailed once to whoever received the original; silenced ones are never emailed.
 */
public record NotifyPolicy(Set<ExceptionKind> kinds, Set<AlertStatus> statuses, Set<Severity> severities,
                           Set<Direction> directions, boolean withdrawalNotices, int maxItemsPerEmail) {

    public static final NotifyPolicy DEFAULT = new NotifyPolicy(EnumSet.of(ExceptionKind.SIGNAL, ExceptionKind.THRESHOLD),
            EnumSet.of(AlertStatus.NEW), EnumSet.of(Severity.HIGH, Severity.MEDIUM), EnumSet.of(Direction.CONCERN, Direction.NEUTRAL),
            true, 10);

    /**
     * Reads notify.email.kinds, notify.email.statuses, notify.email.severities, notify.email.directions, notify.withdrawn,
     * notify.email.max.items.
     */
    public static NotifyPolicy from(Settings s) {
        try {
            return new NotifyPolicy(
                    list(s, "notify.email.kinds", ExceptionKind::parse, ExceptionKind.class),
                    list(s, "notify.email.statuses", AlertStatus::parse, AlertStatus.class),
                    list(s, "notify.email.severities", Severity::parse, Severity.class),
                    list(s, "notify.email.directions", Direction::parse, Direction.class),
                    Boolean.parseBoolean(s.get("notify.withdrawn").trim()), s.getInt("notify.email.max.items"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notification policy settings: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> Set<E> list(Settings s, String key, Function<String, E> parse, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String v : s.get(key).split(",")) if (!v.isBlank()) {
            try { out.add(parse.apply(v.trim())); }
            catch (IllegalArgumentException e) { throw new IllegalArgumentException(key + ": " + e.getMessage()); }
        }
        return out;
    }

    /**
     * The decision for one exception.
     * @param originalEmailed for {@code withdrawn}: someone received an email about the original exception
     */
    public Delivery decide(AlertStatus status, Severity severity, Direction direction, boolean silenced, boolean originalEmailed) {
        return decide(ExceptionKind.SIGNAL, status, severity, direction, silenced, originalEmailed);
    }

    /** The decision for one exception of a kind (signal, threshold or another section-5 exception). */
    public Delivery decide(ExceptionKind kind, AlertStatus status, Severity severity, Direction direction, boolean silenced,
                           boolean originalEmailed) {
        if (silenced) return Delivery.DIGEST_ONLY;
        if (status == AlertStatus.WITHDRAWN)
            return withdrawalNotices && originalEmailed ? Delivery.EMAIL_NOW : Delivery.DIGEST_ONLY;
        if (status == AlertStatus.RESOLVED) return Delivery.DIGEST_ONLY;
        return kinds.contains(kind) && statuses.contains(status) && severities.contains(severity) && directions.contains(direction)
                ? Delivery.EMAIL_NOW : Delivery.DIGEST_ONLY;
    }
}
