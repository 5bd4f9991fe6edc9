package org.perfalert.pull;

import java.util.List;

/**
 * The bean the pull routes call ("pullSources"): which sources of a kind are due, and pulling one (its payload loaded
 * as a dropped file would be). The months a pull changed go on to the pipeline, the route's next step.
 */
public final class PullSteps {
    private final PullSchedule schedule;
    private final SourcePuller puller;

    public PullSteps(PullSchedule schedule, SourcePuller puller) {
        this.schedule = schedule;
        this.puller = puller;
    }

    /** The enabled sources of the kind whose schedule fired since the last look. */
    public List<Source> due(String kind) { return schedule.due(kind); }

    /**
     * The same, on a tick of Quartz: the sources whose schedule fired after the tick's previous firing and at or before
     * this one (their scheduled times; null previous: the first tick). On a cluster the tick fires on one instance at a
     * time, and consecutive firings' windows meet without overlap whichever instance had them, so each firing of a
     * source's schedule is pulled once.
     */
    public List<Source> due(String kind, java.util.Date previousTick, java.util.Date thisTick) {
        return schedule.due(kind, previousTick == null ? null : previousTick.toInstant(), thisTick == null ? null : thisTick.toInstant());
    }

    /** Pulls the source's recent months; a failing source is reported in the result, not thrown. */
    public PullResult pull(Source source) { return puller.pull(source); }
}
