package org.perfalert.pull;

import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.notify.Mailer;
import org.perfalert.store.Store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts the pull stage together from the settings ({@link PullSettings}) and the store: the sources, the puller, the
 * schedule and the health check. The routes (the pull template in routes/pull.camel.yaml, one route per kind) call
 * {@link #steps()} as the bean {@value #BEAN}; the health check is bound as {@value #HEALTH_BEAN}.
 */
public final class Pulling {
    public static final String BEAN = "pullSources", HEALTH_BEAN = "pullHealth";

    private final List<Source> sources;
    private final SourcePuller puller;
    private final PullHealth health;
    private final Clock clock;

    private Pulling(List<Source> sources, SourcePuller puller, PullHealth health, Clock clock) {
        this.sources = sources;
        this.puller = puller;
        this.health = health;
        this.clock = clock;
    }

    /**
     * The stage for these sources on this store, loading with the loader given (the pipeline's); env gives the
     * passwords and header values named in sources.yaml.
     */
    public static Pulling create(Configuration cfg, Store store, List<Source> sources, PayloadLoader loader,
                                 Map<String, String> env, Clock clock) {
        return create(cfg.settings(), store, sources, loader, () -> cfg.people().analysts(), Mailer.of(cfg), env, clock);
    }

    /**
     * For the service, where config/ may be reloaded: loader and analysts are asked at each pull, so they follow
     * the configuration in force (the sources themselves are read once, at start).
     */
    public static Pulling create(Settings s, Store store, List<Source> sources, PayloadLoader loader,
                                 Supplier<List<String>> analysts, Mailer mailer, Map<String, String> env, Clock clock) {
        PullSettings settings = PullSettings.from(s);
        PullHealth health = new PullHealth(settings.dir().resolve("sources-state.json"), settings.failuresBeforeEmail());
        FailureNotice notice = new FailureNotice(store.dataSource(), analysts, mailer);
        SourcePuller puller = new SourcePuller(loader, env, settings.dir().resolve("staging"), health, notice, clock);
        return new Pulling(sources, puller, health, clock);
    }

    public List<Source> sources() { return sources; }

    public Optional<Source> source(String name) { return sources.stream().filter(s -> s.name().equals(name)).findFirst(); }

    public SourcePuller puller() { return puller; }

    public PullHealth health() { return health; }

    public PullHealthCheck healthCheck() { return new PullHealthCheck(sources, health); }

    /** The routes' bean: sources become due from now on. */
    public PullSteps steps() { return new PullSteps(new PullSchedule(sources, clock, clock.instant()), puller); }
}
