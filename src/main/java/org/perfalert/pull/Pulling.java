package org.perfalert.pull;

import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.ingest.FileLoader;
import org.perfalert.notify.Mailer;
import org.perfalert.store.Store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Puts the pull stage together from the configuration and the store: the sources, the puller, the schedule
 * and the health check, and binds the beans the routes in routes/pull-*.camel.yaml call.
 *
 * Settings: {@code pull.dir} (default data/pull: staging files and the sources' state),
 * {@code pull.failures.before.email} (default 3), {@code pull.tick.ms} (read by the routes, default 60000).
 */
public final class Pulling {
    public static final String BEAN = "pullSources", HEALTH_BEAN = "pullHealth";

    private final List<Source> sources;
    private final SourcePuller puller;
    private final PullHealth health;
    private final Clock clock;
    private final long tickMs;

    /** What the service binds for the pull routes: the routes' bean, the health check, and how often the routes look. */
    public record Beans(PullSteps steps, PullHealthCheck health, long tickMs) { }

    private Pulling(List<Source> sources, SourcePuller puller, PullHealth health, Clock clock, long tickMs) {
        this.sources = sources;
        this.puller = puller;
        this.health = health;
        this.clock = clock;
        this.tickMs = tickMs;
    }

    /** The stage for these sources on this store; env gives the passwords and header values named in sources.yaml. */
    public static Pulling create(Configuration cfg, Store store, List<Source> sources, Map<String, String> env, Clock clock) {
        return create(cfg.settings(), store, sources, new FileLoader(cfg, store.observations(), clock)::load,
                () -> cfg.people().analysts(), Mailer.of(cfg), env, clock);
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
        return new Pulling(sources, puller, health, clock, settings.tickMs());
    }

    public List<Source> sources() { return sources; }

    public Optional<Source> source(String name) { return sources.stream().filter(s -> s.name().equals(name)).findFirst(); }

    public SourcePuller puller() { return puller; }

    public PullHealth health() { return health; }

    public PullHealthCheck healthCheck() { return new PullHealthCheck(sources, health); }

    /** The routes' bean: sources become due from now on; afterPull evaluates the months a pull changed. */
    public PullSteps steps(AfterPull afterPull) {
        return new PullSteps(new PullSchedule(sources, clock, clock.instant()), puller, afterPull);
    }

    /** The beans for the service; afterPull evaluates the months a pull changed and raises their alerts. */
    public Beans beans(AfterPull afterPull) { return new Beans(steps(afterPull), healthCheck(), tickMs); }

    /** Binds "pullSources" (the routes' bean) and "pullHealth" (a Camel health check) with the binder given (e.g. Camel Main's bind). */
    public void bind(BiConsumer<String, Object> binder, AfterPull afterPull) {
        binder.accept(BEAN, steps(afterPull));
        binder.accept(HEALTH_BEAN, healthCheck());
    }
}
