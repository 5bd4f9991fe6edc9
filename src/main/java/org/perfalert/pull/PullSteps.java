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

    /** Pulls the source's recent months; a failing source is reported in the result, not thrown. */
    public PullResult pull(Source source) { return puller.pull(source); }
}
