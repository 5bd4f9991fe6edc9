package org.perfalert.pipeline;

import org.perfalert.alerts.RunSummary;
import org.perfalert.evaluate.Evaluation;

/** One month of a run: what its evaluation found, what the alert stages made of it, and how long evaluating took. */
public record MonthRun(Evaluation evaluation, RunSummary alerts, long evaluateMillis) { }
