package org.perfalert.pipeline;

import org.perfalert.evaluate.Evaluation;
import org.perfalert.evaluate.RunEvaluator;
import org.perfalert.ingest.FileResult;
import org.perfalert.store.ObservationStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one owner of a run: load → evaluate the months the load touched → raise their alerts → queue the emails. The
 * command line (load, pull), the service's routes (inbox and pulls) and the tests all run it this way. The parts come
 * from the version of rules/ and config/ in force at each call ({@link RunParts}); one run uses one version.
 */
public final class Pipeline {
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObservationStore observations;
    private final Supplier<RunParts> inForce;
    private final Clock clock;
    private final AtomicLong runs = new AtomicLong();

    public Pipeline(ObservationStore observations, Supplier<RunParts> inForce, Clock clock) {
        this.observations = observations;
        this.inForce = inForce;
        this.clock = clock;
    }

    /** A name for a new run ("load-20250402-080000-1"), kept on the alert and outbox rows it changes. */
    public String newRunId(String kind) {
        return kind + "-" + LocalDateTime.now(clock).format(RUN) + "-" + runs.incrementAndGet();
    }

    /** Loads one file whole or not at all (a store failure throws). */
    public FileResult load(Path file) { return inForce.get().loader().load(file); }

    /** Loads files and folders, each file whole or not at all, in loading order. */
    public List<FileResult> loadAll(List<Path> filesOrFolders) { return inForce.get().loader().loadAll(filesOrFolders); }

    /**
     * Evaluates the months oldest first ("new" is judged against the month before) over one history built once, from
     * the stored observations up to the last of them, and raises each month's alerts. One run at a time, so the inbox
     * and the pulls never interleave their months.
     */
    public synchronized List<MonthRun> evaluateAndRaise(SortedSet<YearMonth> months, String runId) {
        if (months.isEmpty()) return List.of();
        RunParts parts = inForce.get();
        if (!parts.evaluates()) throw new IllegalStateException("this pipeline only loads: there are no rules to evaluate with");
        RunEvaluator evaluator = new RunEvaluator(parts.evaluator(), observations.upTo(months.last()));
        List<MonthRun> done = new ArrayList<>();
        for (YearMonth month : months) {
            long start = System.nanoTime();
            Evaluation evaluation = evaluator.evaluate(month);
            long millis = (System.nanoTime() - start) / 1_000_000;
            done.add(new MonthRun(evaluation, parts.alerts().process(evaluation, runId), millis));
        }
        return done;
    }
}
