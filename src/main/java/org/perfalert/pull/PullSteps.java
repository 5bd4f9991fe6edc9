package org.perfalert.pull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The bean the pull routes call ("pullSources"): which sources are due, pull one, evaluate what changed. */
public final class PullSteps {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.pull");

    private final PullSchedule schedule;
    private final SourcePuller puller;
    private final AfterPull afterPull;

    public PullSteps(PullSchedule schedule, SourcePuller puller, AfterPull afterPull) {
        this.schedule = schedule;
        this.puller = puller;
        this.afterPull = afterPull;
    }

    /** The enabled sources of the kind whose schedule fired since the last look. */
    public List<Source> due(String kind) { return schedule.due(kind); }

    /** Pulls the source's recent months; a failing source is reported in the result, not thrown. */
    public PullResult pull(Source source) throws Exception { return puller.pull(source); }

    /** Evaluates the months the pull changed and raises the alerts; nothing when no figure changed. */
    public PullResult evaluate(PullResult result) throws Exception {
        if (!result.touchedMonths().isEmpty()) {
            afterPull.evaluate(result);
            LOG.info("pulled months evaluated source={} months={} run={}", result.source().name(), result.touchedMonths(), result.runId());
        }
        return result;
    }
}
