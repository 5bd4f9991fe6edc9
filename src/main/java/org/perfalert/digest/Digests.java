package org.perfalert.digest;

import org.perfalert.config.Configuration;
import org.perfalert.notify.OutboxSender;
import org.perfalert.rules.RuleSettings;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.store.Store;

import java.time.Clock;
import java.util.function.Supplier;

/** Wiring: the weekly digest over a store, with the board figures read afresh from it at every run. */
public final class Digests {
    private Digests() { }

    /**
     * The digest for the command line and the service. withSender: send the queued emails at once (the command);
     * without, they wait for the outbox sender (the service's notify route).
     */
    public static WeeklyDigest over(Store store, Configuration config, RuleSettings settings, Clock clock, boolean withSender) {
        return over(store, config, () -> settings, clock, withSender);
    }

    /** The same with the rule settings in force at each run (the service reloads rules while running). */
    public static WeeklyDigest over(Store store, Configuration config, Supplier<RuleSettings> settings, Clock clock,
                                    boolean withSender) {
        OutboxSender sender = withSender ? OutboxSender.over(store.dataSource(), config.settings(), clock) : null;
        return new WeeklyDigest(store.dataSource(), config, () -> board(store, config, settings.get()), clock, sender);
    }

    /** The board figures over every stored observation, through the rule engine's Series. */
    public static BoardSource board(Store store, Configuration config, RuleSettings settings) {
        return new RuleBoard(new SeriesBuilder(store.observations().all(), config.catalogue(), config.areas()), config.areas(), settings);
    }
}
