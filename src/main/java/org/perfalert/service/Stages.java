package org.perfalert.service;

import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage objects the service's routes call, one per step. The routes never see the stages'
 * own classes: each stage is reached through one of these narrow interfaces, so the Camel layer
 * can be tested with the real parts handed in and nothing else.
 */
public record Stages(FileIntake intake, MonthEvaluator evaluator, AlertStage alerts,
                     OutboxStage outbox, DigestStage digest, LiveRules<?> rules, org.perfalert.pull.Pulling.Beans pull) {

    /** Loads one file whole (or rejects it), then files it in processed/ or rejected/ with its report. */
    public interface FileIntake {
        LoadedFile load(Path file) throws Exception;
    }

    /** Evaluates the rules in force for one month over the stored observations. */
    public interface MonthEvaluator {
        Evaluation evaluate(YearMonth month) throws Exception;
    }

    /** Stores what was found, decides what is new, routes it and queues the emails (one run at a time). */
    public interface AlertStage {
        void process(Evaluation evaluation, String runId) throws Exception;
    }

    /** Sends the emails that are due; returns how many were sent. */
    public interface OutboxStage {
        int sendDue() throws Exception;

        /** How many emails stand in each status (pending, sent, failed), for the health check. */
        default Map<String, Integer> counts() throws Exception { return Map.of(); }
    }

    /** Builds and sends the weekly digest; returns a line saying what was done. */
    public interface DigestStage {
        String weekly() throws Exception;

        /** The week in progress (the demo feeds two years of data within minutes). */
        default String thisWeek() throws Exception { return weekly(); }
    }

    /** What one file load did: months is empty when the file was rejected; problems counts what was wrong. */
    public record LoadedFile(String name, boolean accepted, List<YearMonth> months, Path filedAs,
                             int observations, int problems, String runId) { }

    /** What one month's evaluation found, and which series were evaluated (so the rest can be resolved). */
    public record Evaluation(YearMonth month, List<PerformanceException> exceptions, Set<SeriesKey> evaluated) { }
}
