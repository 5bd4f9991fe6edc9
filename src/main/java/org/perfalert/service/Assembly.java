package org.perfalert.service;

import org.perfalert.alerts.AlertPipeline;
import org.perfalert.alerts.RunSummary;
import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.digest.Digests;
import org.perfalert.digest.WeeklyDigest;
import org.perfalert.ingest.FileLoader;
import org.perfalert.ingest.FileResult;
import org.perfalert.ingest.InboxFiler;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.*;
import org.perfalert.pull.AfterPull;
import org.perfalert.pull.Pulling;
import org.perfalert.pull.Source;
import org.perfalert.pull.SourcesFile;
import org.perfalert.rules.*;
import org.perfalert.store.ObservationStore;
import org.perfalert.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts the real stages together for the service: the store, the rules and configuration in force
 * (reloadable), the loader, the alert pipeline and the outbox sender. The parts that depend on the
 * configuration or the rules are built together as one {@link Running} version, so a reload swaps
 * them together or not at all.
 */
public final class Assembly implements AutoCloseable {
    private static final Logger ALERTS = LoggerFactory.getLogger("perfalert.alerts");
    private static final Logger RULES = LoggerFactory.getLogger("perfalert.rules");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What one version of rules/ and config/ runs with. */
    public record Running(RuleBase ruleBase, Evaluator evaluator, FileLoader loader, AlertPipeline alerts) { }

    private final Store store;
    private final Stages stages;
    private final Path stateDir;

    private Assembly(Store store, Stages stages, Path stateDir) {
        this.store = store;
        this.stages = stages;
        this.stateDir = stateDir;
    }

    /**
     * Opens the store and builds the first version of the rules and configuration; throws BrokenVersion
     * (every problem as FILE:LINE) when that first version cannot be used.
     */
    public static Assembly open(Settings settings, Path configDir, Path rulesDir, Clock clock) throws BrokenVersion {
        Store store = Store.open(serviceUrl(settings.get("store.url")), settings.get("store.user"), settings.get("store.password"), clock);
        try {
            return assemble(store, settings, configDir, rulesDir, clock);
        } catch (BrokenVersion | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Assembly assemble(Store store, Settings settings, Path configDir, Path rulesDir, Clock clock) throws BrokenVersion {
        ObservationStore observations = store.observations();
        Outbox outbox = new Outbox(store.dataSource());
        // Email charts draw on the history the month was just evaluated with (derived totals included);
        // before any evaluation, straight from the store.
        AtomicReference<SeriesBuilder> lastEvaluated = new AtomicReference<>();
        SeriesHistory history = (key, from, to) -> {
            SeriesBuilder seen = lastEvaluated.get();
            return seen != null && seen.latestMonth().map(m -> !m.isBefore(to)).orElse(false)
                    ? seen.values(key, from, to) : history(observations, key, from, to);
        };
        MailSettings mail = MailSettings.from(settings);
        Mailer mailer = new Mailer(mail.from(), configDir.resolve("templates"));
        Path stateDir = settings.getPath("service.state.dir");

        LiveRules.Builder<Running> builder = (config, rules) -> build(config, rules, store, observations, history, clock);
        LiveRules<Running> live = LiveRules.start(configDir, rulesDir, builder,
                new AnalystMail(outbox, mailer, clock), stateDir.resolve("broken-versions-told.txt"));

        OutboxSender sender = new OutboxSender(outbox, new LoggingTransport(mail.transport()), clock, Backoff.from(settings));
        AtomicLong runs = new AtomicLong();

        Stages.FileIntake intake = file -> {
            String runId = "load-" + LocalDateTime.now(clock).format(RUN) + "-" + runs.incrementAndGet();
            FileResult result = live.current().rules().loader().load(file);
            Path filed = new InboxFiler(file.getParent()).file(result);
            List<YearMonth> months = List.copyOf(result.touchedMonths());
            return new Stages.LoadedFile(file.getFileName().toString(), result.loaded(), months, filed,
                    result.parsed().observations().size(), result.problems().size(), runId);
        };
        Stages.MonthEvaluator evaluator = month -> {
            Running r = live.current().rules();
            SeriesBuilder seriesHistory = r.evaluator().history(observations.upTo(month));
            lastEvaluated.set(seriesHistory);
            Set<SeriesKey> evaluated = new HashSet<>();
            for (Series s : seriesHistory.seriesAt(month))
                evaluated.add(new SeriesKey(s.getMetricId(), s.getLevel(), s.getArea()));
            return new Stages.Evaluation(month, r.evaluator().evaluate(seriesHistory, month), evaluated);
        };
        // One alert run at a time: the ingest route and the pull routes run on their own threads.
        Stages.AlertStage alerts = new Stages.AlertStage() {
            @Override
            public synchronized void process(Stages.Evaluation evaluation, String runId) throws Exception {
                RunSummary s = live.current().rules().alerts().process(evaluation.month(), evaluation.exceptions(),
                        evaluation.evaluated(), runId);
                ALERTS.info("alerts month={} run={} found={} new={} continuing={} resolved={} withdrawn={} silenced={} emails_queued={}",
                        s.month(), runId, s.found(), s.newCount(), s.continuing(), s.resolved(), s.withdrawn(), s.silenced(),
                        s.emailsQueued());
            }
        };
        // One sender at a time: the timer route and a final drain (demo, shutdown) must not both send a row.
        Stages.OutboxStage send = new Stages.OutboxStage() {
            @Override
            public synchronized int sendDue() throws Exception {
                OutboxSender.Report r = sender.sendDue();
                return r.sent();
            }

            @Override
            public Map<String, Integer> counts() throws Exception {
                return outbox.countByStatus();
            }
        };
        // The digest with the configuration and rule settings in force; its emails go through the outbox stage.
        java.util.function.Supplier<WeeklyDigest> digests = () -> {
            LiveRules.Version<Running> v = live.current();
            Configuration c = v.config();   // with the service's settings (the demo's overrides among them)
            return Digests.over(store, new Configuration(c.dir(), c.catalogue(), c.areas(), c.people(), settings),
                    v.rules().ruleBase().settings(), clock, false);
        };
        Stages.DigestStage digest = new Stages.DigestStage() {
            @Override public String weekly() throws Exception { return digests.get().weekly(); }
            @Override public String thisWeek() throws Exception { return digests.get().thisWeek(); }
        };
        // Pulled figures go the way of a dropped file's: the loader in force, then evaluate and alert each changed month.
        List<Source> sources;
        try {
            sources = SourcesFile.load(configDir);
        } catch (ConfigException e) {
            throw new BrokenVersion(e.problems());
        }
        Pulling pulling = Pulling.create(settings, store, sources, file -> live.current().rules().loader().load(file),
                () -> live.current().config().people().analysts(), mailer, System.getenv(), clock);
        AfterPull afterPull = result -> {
            // Evaluate and alert under the alert stage's lock, so a month's run is not interleaved with the inbox's.
            synchronized (alerts) {
                for (YearMonth month : result.touchedMonths()) alerts.process(evaluator.evaluate(month), result.runId());
            }
        };
        return new Assembly(store, new Stages(intake, evaluator, alerts, send, digest, live, pulling.beans(afterPull)), stateDir);
    }

    private static Running build(Configuration config, Path rulesDir, Store store, ObservationStore observations,
                                 SeriesHistory history, Clock clock) throws BrokenVersion {
        List<String> problems = new ArrayList<>();
        RuleBase rules = null;
        AlertPipeline pipeline = null;
        try {
            rules = RuleCompiler.compile(rulesDir);
        } catch (RuleProblems e) {
            problems.addAll(e.problems());
        }
        try {
            pipeline = new AlertPipeline(store.dataSource(), config, history, clock);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new BrokenVersion(problems);
        Evaluator evaluator = new Evaluator(rules, config.catalogue(), config.areas(), p -> RULES.warn("rule problem: {}", p));
        return new Running(rules, evaluator, new FileLoader(config, observations, clock), pipeline);
    }

    private static SortedMap<YearMonth, Double> history(ObservationStore observations, SeriesKey key, YearMonth from, YearMonth to) {
        SortedMap<YearMonth, Double> out = new TreeMap<>();
        for (Observation o : observations.upTo(to))
            if (o.key().equals(key) && !o.month().isBefore(from)) out.put(o.month(), o.value());
        return out;
    }

    /**
     * An embedded H2 database would close itself when the JVM is asked to stop, under the feet of the file
     * being loaded; the service closes it itself once the routes have stopped.
     */
    static String serviceUrl(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) return url;
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public Stages stages() { return stages; }

    public Path stateDir() { return stateDir; }

    public Store store() { return store; }

    @Override
    public void close() { store.close(); }

    /** Tells the analysts of a broken version by an email through the outbox (sent like every other). */
    private record AnalystMail(Outbox outbox, Mailer mailer, Clock clock) implements LiveRules.AnalystAlarm {
        @Override
        public void brokenVersion(List<String> analysts, String hash, List<String> problems) {
            if (analysts.isEmpty()) {
                LoggerFactory.getLogger("perfalert.reload").warn("no analysts in people.yaml to tell of broken version {}", hash);
                return;
            }
            String subject = "perfalert: rule or configuration change not applied (version " + hash + ")";
            Map<String, Object> model = Map.of("version", hash, "problems", problems);
            List<RenderedEmail> mails = analysts.stream().map(to -> mailer.to(to, null, "people.yaml analysts")
                    .compose(subject, "rules-not-applied", model, clock.instant())).toList();
            outbox.enqueueAll("reload-" + hash, mails, clock.instant());
        }
    }
}
