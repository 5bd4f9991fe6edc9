package org.perfalert.pipeline;

import org.perfalert.evaluate.Evaluation;
import org.perfalert.evaluate.RunEvaluator;
import org.perfalert.evaluate.Watchdog;
import org.perfalert.ingest.FileLoader;
import org.perfalert.ingest.FileResult;
import org.perfalert.ingest.Inbox;
import org.perfalert.ingest.InboxLedger;
import org.perfalert.model.Metric;
import org.perfalert.rules.Guard;
import org.perfalert.rules.RuleStopped;
import org.perfalert.store.Crashpoints;
import org.perfalert.store.ObservationStore;
import org.perfalert.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one owner of a run: load → evaluate the months the load touched → raise their alerts → queue the emails. The
 * command line (load, pull, reevaluate), the service's routes (inbox, evaluation, pulls) and the tests all run it this
 * way. The parts come from the version of rules/ and config/ in force at each call ({@link RunParts}).
 * <p>
 * Nothing owed is lost: a load records the months it touched in its own transaction ({@link OwedMonths}); a month's
 * owed rows are paid in the transaction that stores its alerts. Each month is evaluated on a watched thread under the
 * budget of {@link Limits}; a rule over the budget stops evaluation (until the rules change) and the rest goes on.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.evaluate");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Evaluation stopped by a rule over its budget, for the version of the rules in force then. */
    public record Stopped(RunParts parts, YearMonth month, String rule, String reason, Instant at) {
        public String describe() {
            if (month == null) return reason;
            return (rule == null ? "the rules" : "rule \"" + rule + "\"") + " stopped while evaluating " + month + ": " + reason;
        }
    }

    private final Store store;
    private final ObservationStore observations;
    private final OwedMonths owed;
    private final Supplier<RunParts> inForce;
    private final Clock clock;
    private final Limits limits;
    private final Watchdog watchdog;
    private final AtomicLong runs = new AtomicLong();
    private volatile Consumer<Stopped> onStop = s -> { };
    private volatile Stopped stopped;
    private volatile RunParts retiredFor;

    public Pipeline(Store store, Supplier<RunParts> inForce, Clock clock) {
        this(store, inForce, clock, Limits.defaults());
    }

    public Pipeline(Store store, Supplier<RunParts> inForce, Clock clock, Limits limits) {
        this.store = store;
        this.observations = store.observations();
        this.owed = new OwedMonths(store.dataSource());
        this.inForce = inForce;
        this.clock = clock;
        this.limits = limits;
        this.watchdog = Watchdog.forBudget("perfalert-evaluate", limits.budget());
    }

    /** Who hears when a rule is stopped (the service tells the analysts). */
    public void onStop(Consumer<Stopped> listener) { this.onStop = listener; }

    /** A name for a new run ("load-20250402-080000-1"), kept on the alert and outbox rows it changes. */
    public String newRunId(String kind) {
        return kind + "-" + LocalDateTime.now(clock).format(RUN) + "-" + runs.incrementAndGet();
    }

    /** Loads one file whole or not at all (a store failure throws); the months it touched are owed an evaluation. */
    public FileResult load(Path file) {
        return inForce.get().loader().load(file, oweTouched(newRunId("load")));
    }

    /** Loads files and folders, each file whole or not at all, in loading order; each file's months are owed. */
    public List<FileResult> loadAll(List<Path> filesOrFolders) {
        return inForce.get().loader().loadAll(filesOrFolders, oweTouched(newRunId("load")));
    }

    /** Takes a file dropped in the inbox (see {@link Inbox}): its fate and its months owed commit with its figures. */
    public Inbox.Taken takeDropped(Inbox inbox, Path file, String runId) throws IOException {
        return inbox.take(file, inForce.get().loader(), oweTouched(runId), runId);
    }

    /** An inbox over this pipeline's store. */
    public Inbox inbox(Path dir, java.util.function.UnaryOperator<String> marker) {
        return new Inbox(dir, new InboxLedger(store.dataSource()), marker, clock);
    }

    private FileLoader.AlsoRecord oweTouched(String runId) {
        return (c, stored) -> owed.owe(c, stored.touchedMonths(), runId, clock.instant());
    }

    /** Records months as owed (reevaluate): the next evaluation of what is owed redoes them. */
    public void owe(SortedSet<YearMonth> months, String runId) { owed.owe(months, runId, clock.instant()); }

    /** The months owed an evaluation, oldest first, with when each became owed. */
    public SortedMap<YearMonth, OwedMonths.Owed> owed() { return owed.all(); }

    /** Why evaluation is stopped, while the rules in force are those a rule of which was stopped. */
    public Optional<Stopped> stopped() {
        Stopped s = stopped;
        return s != null && s.parts() == inForce.get() ? Optional.of(s) : Optional.empty();
    }

    /** Stops evaluation with the rules in force (their trial failed): no month is evaluated until the rules change. */
    public void stop(String reason) {
        stopped = new Stopped(inForce.get(), null, null, reason, clock.instant());
    }

    /** Threads of stopped rules that could not be stopped and still run (only a restart frees them). */
    public int abandonedThreads() { return watchdog.abandoned(); }

    /**
     * Evaluates the months given, oldest first ("new" is judged against the month before), over one history built
     * once, and raises each month's alerts; what these months owed is paid. One run at a time, so the inbox, the
     * pulls and the commands never interleave their months. Throws RuleStopped when a rule goes over its budget.
     */
    public synchronized List<MonthRun> evaluateAndRaise(SortedSet<YearMonth> months, String runId) {
        if (months.isEmpty()) return List.of();
        SortedMap<YearMonth, OwedMonths.Owed> due = owed.all();
        return run(months, due, runId);
    }

    /**
     * Evaluates the oldest months owed (at most evaluate.chunk.months of them) and raises their alerts: the service's
     * evaluation route calls this over and over, so a long backfill goes by in chunks and what is owed after a crash or
     * an outage is finished. Nothing while evaluation is stopped for the rules in force.
     */
    public synchronized List<MonthRun> evaluateOwed(String runId) {
        if (stopped().isPresent()) return List.of();
        retireRemovedMetrics(runId);
        SortedMap<YearMonth, OwedMonths.Owed> due = owed.all();
        if (due.isEmpty()) return List.of();
        SortedSet<YearMonth> chunk = due.keySet().stream().limit(limits.chunkMonths()).collect(Collectors.toCollection(TreeSet::new));
        return run(chunk, due, runId);
    }

    private List<MonthRun> run(SortedSet<YearMonth> months, SortedMap<YearMonth, OwedMonths.Owed> due, String runId) {
        RunParts parts = inForce.get();
        if (!parts.evaluates()) throw new IllegalStateException("this pipeline only loads: there are no rules to evaluate with");
        Stopped now = stopped;
        if (now != null && now.parts() == parts) throw new RuleStopped(now.rule(), now.reason() + " (evaluation stays stopped until the rules change)");
        Optional<YearMonth> latest = observations.latestMonth();
        RunEvaluator evaluator = new RunEvaluator(parts.evaluator(), observations.upTo(months.last()));
        List<MonthRun> done = new ArrayList<>();
        for (YearMonth month : months) {
            long start = System.nanoTime();
            Evaluation evaluation = evaluateGuarded(evaluator, month, parts);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Crashpoints.reach("evaluate.before-raise");
            boolean backfill = latest.isPresent() && month.isBefore(latest.get().minusMonths(limits.maxAgeMonths()));
            OwedMonths.Owed paid = due.get(month);
            done.add(new MonthRun(evaluation, parts.alerts().process(evaluation, runId, !backfill, c -> {
                OwedMonths.paid(c, paid);
                return null;
            }), millis, backfill));
            Crashpoints.reach("evaluate.after-raise");
        }
        return done;
    }

    private Evaluation evaluateGuarded(RunEvaluator evaluator, YearMonth month, RunParts parts) {
        Guard guard = new Guard(limits.matchesPerSeries());
        try {
            return watchdog.run(guard, limits.budget(), () -> evaluator.evaluate(month, guard));
        } catch (RuleStopped e) {
            Stopped s = new Stopped(parts, month, e.rule(), e.reason(), clock.instant());
            stopped = s;
            LOG.error("evaluation stopped month={} rule={} reason=\"{}\" (no month is evaluated until the rules change;"
                    + " the months stay owed)", month, e.rule(), e.reason());
            onStop.accept(s);
            throw e;
        }
    }

    /** Once per version of the configuration: alerts still holding for metrics it no longer has are closed as retired. */
    private void retireRemovedMetrics(String runId) {
        RunParts parts = inForce.get();
        if (retiredFor == parts || !parts.evaluates()) return;
        Set<String> metrics = parts.config().catalogue().all().stream().map(Metric::id).collect(Collectors.toSet());
        int retired = parts.alerts().retire(metrics, runId);
        if (retired > 0) LOG.info("alerts retired count={} run={} (their metrics were removed from metrics.yaml)", retired, runId);
        retiredFor = parts;
    }
}
