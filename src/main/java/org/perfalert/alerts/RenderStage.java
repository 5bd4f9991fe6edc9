package org.perfalert.alerts;

import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.model.PerformanceException;
import org.perfalert.notify.RenderedEmail;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Stage 6, render: each lead's email of the plan composed ({@link EmailRenderer}: template alert-email, with a chart
 * per series drawn once from the history the month was evaluated with).
 */
public final class RenderStage {
    private final EmailRenderer renderer;

    public RenderStage(EmailRenderer renderer) { this.renderer = renderer; }

    /** A lead's email of the plan and its composed message. */
    public record Rendered(EmailPlan.LeadEmail email, RenderedEmail mail) { }

    public List<Rendered> render(EmailPlan plan, SeriesHistory history, Instant now) {
        Function<PerformanceException, byte[]> charts = renderer.charts(history);   // each chart drawn once per run
        return plan.emails().stream().map(e -> new Rendered(e,
                renderer.render(e.lead(), plan.month(), e.items(), e.heldBack(), charts, now))).toList();
    }
}
