package org.perfalert.alerts;

import org.perfalert.evaluate.Evaluation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.*;

/**
 * Stage 1, decide the lifecycle: for every fingerprint of the month that may need a word (found now, stored for the
 * month, or holding the month before), what status the store must hold ({@link Lifecycle}), as a {@link Decision}.
 * A pure function of the evaluation and the rows stored for the month and the month before.
 */
public final class LifecycleStage {
    private LifecycleStage() { }

    /**
     * @param storedAtMonth  the rows stored for the evaluation's month, by fingerprint
     * @param storedBefore   the rows stored for the month before (those that hold count)
     */
    public static List<Decision> decide(Evaluation evaluation, Map<String, StoredAlert> storedAtMonth,
                                        Collection<StoredAlert> storedBefore) {
        Map<String, StoredAlert> heldBefore = new HashMap<>();
        for (StoredAlert a : storedBefore) if (a.status().holds()) heldBefore.put(a.track(), a);
        Set<SeriesKey> evaluated = new HashSet<>(evaluation.evaluated());
        Set<String> foundNow = new HashSet<>();
        Map<String, PerformanceException> candidates = new LinkedHashMap<>();
        for (PerformanceException e : evaluation.findings()) {
            candidates.put(e.fingerprint(), e);
            foundNow.add(e.fingerprint());
            evaluated.add(e.seriesKey());
        }
        // Only a series evaluated this month can stop holding: one without a figure says nothing.
        for (StoredAlert a : storedAtMonth.values())
            if (evaluated.contains(a.series())) candidates.putIfAbsent(a.fingerprint(), a.asException());
        for (StoredAlert a : heldBefore.values())
            if (evaluated.contains(a.series())) {
                PerformanceException moved = moveTo(a.asException(), evaluation.month());
                candidates.putIfAbsent(moved.fingerprint(), moved);
            }

        List<Decision> out = new ArrayList<>();
        for (PerformanceException e : candidates.values()) {
            StoredAlert before = storedAtMonth.get(e.fingerprint());
            boolean found = foundNow.contains(e.fingerprint());
            Optional<AlertStatus> decided = Lifecycle.decide(heldBefore.containsKey(StoredAlert.track(e.rule(), e.seriesKey())),
                    found, Optional.ofNullable(before).map(StoredAlert::status));
            if (decided.isEmpty()) {
                if (before != null) out.add(new Decision(Decision.Action.REMOVE, before.asException(), before.status(), before, null));
                continue;
            }
            AlertStatus status = decided.get();
            if (before != null && before.status() == status) {
                boolean revised = found && !sameContent(before, e);
                out.add(revised ? new Decision(Decision.Action.REFRESH, e, status, before, before.silencedBy())
                        : new Decision(Decision.Action.KEEP, before.asException(), status, before, before.silencedBy()));
                continue;
            }
            PerformanceException content = status == AlertStatus.WITHDRAWN ? before.asException() : e;
            out.add(new Decision(Decision.Action.RAISE, content, status, before, null));
        }
        return out;
    }

    /**
     * Retiring: every holding row whose metric is not among the metrics of the configuration is closed as retired (its
     * figures are no longer evaluated, so it would otherwise hold for ever).
     */
    public static List<Decision> retire(Collection<StoredAlert> holding, Set<String> metrics) {
        List<Decision> out = new ArrayList<>();
        for (StoredAlert a : holding)
            if (a.status().holds() && !metrics.contains(a.series().metric()))
                out.add(new Decision(Decision.Action.RAISE, a.asException(), AlertStatus.RETIRED, a, a.silencedBy()));
        return out;
    }

    private static boolean sameContent(StoredAlert a, PerformanceException e) {
        return a.severity() == e.severity() && a.direction() == e.direction() && Objects.equals(a.headline(), e.headline())
                && AlertStore.json(a.evidence()).equals(AlertStore.json(e.evidence()));
    }

    private static PerformanceException moveTo(PerformanceException e, YearMonth month) {
        return new PerformanceException(e.rule(), e.metric(), e.areaType(), e.area(), month, e.severity(), e.direction(),
                e.headline(), e.evidence());
    }
}
