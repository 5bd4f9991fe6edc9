package org.perfalert.alerts;

import java.time.LocalDate;
import java.util.List;

/**
 * Stage 2, silences: a raised exception that a silence in force matches is stored with that silence and kept out of
 * email ({@link Silences}). Decisions that change nothing keep the silence they were stored with. A pure function.
 */
public final class SilenceStage {
    private SilenceStage() { }

    public static List<Decision> apply(List<Decision> decisions, List<Silence> silences, LocalDate today) {
        return decisions.stream().map(d -> d.action() != Decision.Action.RAISE ? d
                : d.silencedBy(Silences.matching(d.content(), silences, today).map(Silence::id).orElse(null))).toList();
    }
}
