package org.perfalert.pipeline;

import org.perfalert.config.Settings;

import java.time.Duration;

/**
 * What a run may spend and how it paces itself (docs/operations.md):
 *
 * @param budget       how long one month's evaluation may take before its rules are stopped (evaluate.budget.seconds)
 * @param matchesPerSeries how many rule matches one month's evaluation may create per series evaluated (at least
 *                     10,000 in all; evaluate.budget.matches-per-series)
 * @param chunkMonths  how many owed months the service evaluates in one go before it looks again (evaluate.chunk.months)
 * @param maxAgeMonths months older than the latest month in the store by more than this are evaluated and stored but
 *                     emailed to no one (notify.max-age-months)
 */
public record Limits(Duration budget, long matchesPerSeries, int chunkMonths, int maxAgeMonths) {
    public Limits {
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("evaluate.budget.seconds must be above 0");
        if (matchesPerSeries < 1) throw new IllegalArgumentException("evaluate.budget.matches-per-series must be at least 1");
        if (chunkMonths < 1) throw new IllegalArgumentException("evaluate.chunk.months must be at least 1");
        if (maxAgeMonths < 0) throw new IllegalArgumentException("notify.max-age-months must be 0 or more");
    }

    public static Limits from(Settings s) {
        return new Limits(Duration.ofSeconds(s.getLong("evaluate.budget.seconds")), s.getLong("evaluate.budget.matches-per-series"),
                s.getInt("evaluate.chunk.months"), s.getInt("notify.max-age-months"));
    }

    /** The defaults of Settings.DEFAULTS. */
    public static Limits defaults() { return from(new Settings(new java.util.Properties(), java.util.Map.of())); }
}
