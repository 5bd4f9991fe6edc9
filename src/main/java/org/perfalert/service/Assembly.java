package org.perfalert.service;

import org.perfalert.alerts.EmailPlanner;
import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.digest.Digests;
import org.perfalert.digest.WeeklyDigest;
import org.perfalert.notify.Backoff;
import org.perfalert.notify.MailSettings;
import org.perfalert.notify.Mailer;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxSender;
import org.perfalert.pipeline.Limits;
import org.perfalert.pipeline.Pipeline;
import org.perfalert.pipeline.RunParts;
import org.perfalert.pipeline.Trial;
import org.perfalert.pull.Pulling;
import org.perfalert.pull.SourcesFile;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.*;

/**
 * Puts the service's parts together from its settings: the store, the rules and configuration in force (reloadable:
 * each version's {@link RunParts} are built whole, tried on the stored figures and swapped whole), the pipeline that
 * owns every run, the outbox sender, the weekly digest and the pulls. The routes reach them through the beans of
 * {@link ServiceBeans}.
 */
public final class Assembly implements AutoCloseable {
    private static final Logger RULES = LoggerFactory.getLogger("perfalert.rules");

    private final Settings settings;
    private final Store store;
    private final LiveRules<RunParts> rules;
    private final Pipeline pipeline;
    private final OutboxSender sender;
    private final Pulling pulling;
    private final TrialGate trials;
    private final Clock clock;

    private Assembly(Settings settings, Store store, LiveRules<RunParts> rules, Pipeline pipeline, OutboxSender sender,
                     Pulling pulling, TrialGate trials, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.rules = rules;
        this.pipeline = pipeline;
        this.sender = sender;
        this.pulling = pulling;
        this.trials = trials;
        this.clock = clock;
    }

    /**
     * Opens the store and builds the first version of the rules and configuration; throws BrokenVersion
     * (every problem as FILE:LINE) when that first version cannot be used.
     */
    public static Assembly open(Settings settings, Path configDir, Path rulesDir, Clock clock) throws BrokenVersion {
        return open(settings, configDir, rulesDir, clock, RuleCompiler::compile);
    }

    /** How a version's rule folder is compiled (tests hand in one that compiles the standard pack once per JVM). */
    @FunctionalInterface
    public interface Compiler {
        RuleBase compile(Path rulesDir) throws RuleProblems;
    }

    /** The same, with the rule folder compiled by the compiler given. */
    public static Assembly open(Settings settings, Path configDir, Path rulesDir, Clock clock, Compiler compiler) throws BrokenVersion {
        Store store = Store.open(serviceUrl(settings.get("store.url")), settings.get("store.user"), settings.get("store.password"), clock);
        try {
            MailSettings mail = MailSettings.from(settings);
            Mailer mailer = new Mailer(mail.from(), configDir.resolve("templates"));
            Limits limits = Limits.from(settings);
            Path state = settings.getPath("service.state.dir");
            TrialGate trials = new TrialGate(new Trial(store.observations(), limits), state.resolve("rules-on-trial.txt"));
            AnalystNotices notices = new AnalystNotices(new Outbox(store.dataSource()), mailer, clock);
            // Each version runs with the service's settings (as the digest does): links, the reply mailbox and the
            // demo's overrides apply to its emails too; settings need a restart (docs/service.md).
            LiveRules<RunParts> live = LiveRules.start(configDir, rulesDir,
                    (config, dir) -> trials.admit(build(withSettings(config, settings), dir, compiler, store, clock),
                            ContentHash.of(configDir, rulesDir)),
                    notices, state.resolve("broken-versions-told.txt"));
            OutboxSender sender = new OutboxSender(new Outbox(store.dataSource()), new LoggingTransport(mail.transport()), clock,
                    Backoff.from(settings), OutboxSender.Claims.from(settings));
            Pipeline pipeline = new Pipeline(store, () -> live.current().rules(), clock, limits);
            pipeline.onStop(s -> tellStopped(notices, live, pipeline, s.describe()));
            if (trials.firstProblem() != null) {
                pipeline.stop(trials.firstProblem());
                tellStopped(notices, live, pipeline, trials.firstProblem());
            }
            // Pulled figures go the way of a dropped file's: the pipeline's loader, with the configuration in force.
            Pulling pulling;
            try {
                pulling = Pulling.create(settings, store, SourcesFile.load(configDir), pipeline::load,
                        () -> live.current().config().people().analysts(), mailer, System.getenv(), clock);
            } catch (ConfigException e) {
                throw new BrokenVersion(e.problems());
            }
            return new Assembly(settings, store, live, pipeline, sender, pulling, trials, clock);
        } catch (BrokenVersion | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** One version of rules/ and config/: the rules compiled and the alert stages checked, every problem together. */
    private static RunParts build(Configuration config, Path rulesDir, Compiler compiler, Store store, Clock clock) throws BrokenVersion {
        List<String> problems = new ArrayList<>();
        RuleBase compiled = null;
        try {
            compiled = compiler.compile(rulesDir);
        } catch (RuleProblems e) {
            problems.addAll(e.problems());
        }
        RunParts parts = null;
        try {
            if (compiled != null) parts = RunParts.of(config, compiled, store, clock, p -> RULES.warn("rule problem: {}", p));
            else EmailPlanner.check(config);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new BrokenVersion(problems);
        return parts;
    }

    /** The analysts hear once per version that a rule of it was stopped (or it failed its trial at start). */
    private static void tellStopped(AnalystNotices notices, LiveRules<RunParts> live, Pipeline pipeline, String what) {
        LiveRules.Version<RunParts> v = live.current();
        try {
            notices.ruleStopped(v.config().people().analysts(), v.hash(), what, () -> pipeline.owed().size());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger("perfalert.reload").error("could not tell the analysts that a rule was stopped: {}", e.toString());
        }
    }

    static Configuration withSettings(Configuration c, Settings settings) {
        return new Configuration(c.dir(), c.catalogue(), c.areas(), c.people(), settings);
    }

    /**
     * An embedded H2 database would close itself when the JVM is asked to stop, under the feet of the file
     * being loaded; the service closes it itself once the routes have stopped.
     */
    static String serviceUrl(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) return url;
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public Settings settings() { return settings; }

    public Store store() { return store; }

    /** The rules and configuration in force, and the last broken change kept out. */
    public LiveRules<RunParts> rules() { return rules; }

    /** The owner of every run: the inbox's, the evaluation's and the pulls'. */
    public Pipeline pipeline() { return pipeline; }

    public Pulling pulling() { return pulling; }

    /** Rule threads that could not be stopped and still run, in trials and in evaluations. */
    public int abandonedRuleThreads() { return pipeline.abandonedThreads() + trials.abandonedThreads(); }

    /** Sends what is due in the outbox; one sender at a time (the timer route and a final drain must not both send a row). */
    public synchronized int sendDue() { return sender.sendDue().sent(); }

    /** How sending went lately (for the health check). */
    public OutboxSender.Lately sending() { return sender.lately(); }

    /** How many emails stand in each status (pending, sending, sent, failed, held). */
    public Map<String, Integer> outboxCounts() { return new Outbox(store.dataSource()).countByStatus(); }

    /** The weekly digest with the configuration and rule settings in force; its emails wait for the outbox sender. */
    public WeeklyDigest digest() {
        LiveRules.Version<RunParts> v = rules.current();
        Configuration c = v.config();   // with the service's settings (the demo's overrides among them)
        return Digests.over(store, withSettings(c, settings),
                v.rules().rules().settings(), clock, false);
    }

    @Override
    public void close() { store.close(); }
}
