package org.perfalert.pull;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.*;

/**
 * Which sources are due. The routes look every tick (pull.tick.ms); a source is due when its cron, read in
 * Europe/London, had a firing time since the last look. Several firings missed (the service was busy)
 * make one pull, not several.
 */
public final class PullSchedule {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("perfalert.pull");
    private final List<Source> sources;
    private final Map<String, CronExpression> crons = new HashMap<>();
    private final Clock clock;
    private final Instant since;
    private final Map<String, Instant> lastLooks = new HashMap<>();

    /** @param since the first look counts firings after this instant (the service's start) */
    public PullSchedule(List<Source> sources, Clock clock, Instant since) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.since = since;
        for (Source s : sources) crons.put(s.name(), cron(s.schedule()));
    }

    /** The enabled sources of this kind ("sql", "http", "folder") due now, in the order of sources.yaml. */
    public synchronized List<Source> due(String kind) { return due(kind, null, null); }

    /**
     * The same, for the window given: after lastLook (the previous firing of the cluster's tick, which may have been
     * on another instance; null: this instance's own last look) and at or before upTo (this firing; null: now).
     */
    public synchronized List<Source> due(String kind, Instant lastLook, Instant upTo) {
        Instant now = upTo != null ? upTo : clock.instant();
        Instant after = lastLook != null ? lastLook : lastLookFor(kind);
        List<Source> due = new ArrayList<>();
        for (Source s : sources)
            if (s.enabled() && s.kind().id().equals(kind) && isDue(crons.get(s.name()), after, now)) {
                due.add(s);
                // the firing pulled now (the first since the last look; later ones missed meanwhile go with it)
                LOG.info("source due source={} kind={} firing={}", s.name(), kind,
                        crons.get(s.name()).getNextValidTimeAfter(Date.from(after)).toInstant());
            }
        lastLooks.put(kind, now);
        return due;
    }

    /** Each kind's route looks on its own, so each kind remembers its own last look. */
    private Instant lastLookFor(String kind) { return lastLooks.getOrDefault(kind, since); }

    /** True when the cron fires after {@code after} and at or before {@code now}. */
    public static boolean isDue(CronExpression cron, Instant after, Instant now) {
        Date next = cron.getNextValidTimeAfter(Date.from(after));
        return next != null && !next.toInstant().isAfter(now);
    }

    public static CronExpression cron(String expression) {
        try {
            CronExpression c = new CronExpression(expression);
            c.setTimeZone(TimeZone.getTimeZone(PullWindow.LONDON));
            return c;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a cron expression: " + expression + " (" + e.getMessage() + ")", e);
        }
    }

    public List<Source> sources() { return sources; }
}
