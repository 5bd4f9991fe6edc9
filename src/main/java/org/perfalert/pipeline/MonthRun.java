package org.perfalert.pipeline;

import org.perfalert.alerts.RunSummary;
import org.perfalert.evaluate.Evaluation;

/**
 * One month of a run: what its evaluation found, what the alert stages made of it, how long evaluating took, and
 * whether it was a backfill (older than notify.max-age-months: stored, emailed to no one).
 */
public record MonthRun(Evaluation evaluation, RunSummary alerts, long evaluateMillis, boolean backfill) { }
