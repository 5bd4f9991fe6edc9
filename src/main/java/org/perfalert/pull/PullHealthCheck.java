package org.perfalert.pull;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sources on the health endpoint: for each source its failures in a row, last error and last good
 * pull; DOWN while an enabled source has failed as many times in a row as it takes to email the analysts.
 */
public final class PullHealthCheck extends AbstractHealthCheck {
    public static final String ID = "pull-sources";
    private final List<Source> sources;
    private final PullHealth health;

    public PullHealthCheck(List<Source> sources, PullHealth health) {
        super("perfalert", ID);
        this.sources = List.copyOf(sources);
        this.health = health;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> failing = new ArrayList<>();
        for (Source s : sources) {
            SourceState st = health.state(s.name());
            String p = "source." + s.name() + ".";
            builder.detail(p + "kind", s.kind().id());
            builder.detail(p + "enabled", s.enabled());
            builder.detail(p + "failures", st.failures());
            if (st.lastError() != null) builder.detail(p + "last_error", st.lastError());
            if (st.lastSuccess() != null) builder.detail(p + "last_success", st.lastSuccess().toString());
            if (s.enabled() && st.failures() >= health.threshold()) failing.add(s.name() + " (" + st.lastError() + ")");
        }
        if (failing.isEmpty()) builder.up();
        else builder.message("sources failing: " + String.join("; ", failing)).down();
    }
}
