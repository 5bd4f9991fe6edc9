package org.perfalert.evaluate;

import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.Guard;
import org.perfalert.rules.Series;
import org.perfalert.rules.SeriesBuilder;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules in force over one run's history. The history is built once, from the observations up to the run's
 * latest month; each month is then evaluated on it (evaluating a month reads only the months up to it,
 * CONTRACT.md 5.1, so one history serves every month of the run).
 */
public final class RunEvaluator {
    private final Evaluator evaluator;
    private final SeriesBuilder history;

    public RunEvaluator(Evaluator evaluator, Collection<Observation> observations) {
        this.evaluator = evaluator;
        this.history = evaluator.history(observations);
    }

    /** The month's findings, the series evaluated, and the history they were found in. */
    public Evaluation evaluate(YearMonth month) {
        return evaluate(month, Guard.none());
    }

    /** The same under a guard (a budget, and a handle to stop it by): ends in RuleStopped when it was stopped. */
    public Evaluation evaluate(YearMonth month, Guard guard) {
        List<PerformanceException> found = evaluator.evaluate(history, month, guard);
        Set<SeriesKey> evaluated = new HashSet<>();
        for (Series s : history.seriesAt(month)) evaluated.add(new SeriesKey(s.getMetricId(), s.getLevel(), s.getArea()));
        return new Evaluation(month, found, evaluated, history::values);
    }
}
