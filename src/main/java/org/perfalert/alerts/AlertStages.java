package org.perfalert.alerts;

import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.evaluate.Evaluation;
import org.perfalert.notify.Mailer;
import org.perfalert.notify.Outbox;
import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The alert stage of a run, as a line of small stages (as Alertmanager's notify pipeline): decide the lifecycle →
 * silences → persist (acknowledgements carried to the months an exception continues) → notification policy → group by
 * lead → render → enqueue. One month's evaluation goes through
 * all of them in one transaction, so the alert rows and the outbox rows are stored together or not at all; the
 * outbox sender sends afterwards. The policy and grouping stages are the {@link EmailPlanner}'s, which the dry run uses too.
 */
public final class AlertStages {
    private final DataSource ds;
    private final AlertStore alerts;
    private final SilenceStore silences;
    private final EmailPlanner planner;
    private final PersistStage persist;
    private final RenderStage render;
    private final EnqueueStage enqueue;
    private final AckStore acks;
    private final Clock clock;

    /** Checks the configuration first (routing, policy, sender): a ConfigException lists every problem. */
    public AlertStages(DataSource ds, Configuration config, Clock clock) throws ConfigException {
        this.planner = EmailPlanner.of(config);
        this.ds = ds;
        this.clock = clock;
        this.alerts = new AlertStore(ds);
        this.silences = new SilenceStore(ds);
        this.persist = new PersistStage(alerts);
        AckLinks links;
        try { links = AckLinks.of(config); }
        catch (IllegalArgumentException e) { throw new ConfigException(List.of("application.properties: " + e.getMessage())); }
        this.render = new RenderStage(new EmailRenderer(Mailer.of(config), config.catalogue(), links));
        this.acks = new AckStore(ds);
        this.enqueue = new EnqueueStage(new Outbox(ds), alerts);
    }

    /** Raises one month's evaluation: stores what changed and queues the emails; runId is kept on the rows. */
    public RunSummary process(Evaluation evaluation, String runId) {
        return process(evaluation, runId, true, c -> null);
    }

    /**
     * The same; with email false the month is a backfill (older than notify.max-age-months): its alerts are stored and
     * counted by the digest, and emailed to no one. also runs in the same transaction (the month's owed evaluation paid).
     */
    public RunSummary process(Evaluation evaluation, String runId, boolean email, Transactions.Work<?> also) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Silence> active = silences.activeOn(today);
        return Transactions.write(ds, "raise the alerts of " + evaluation.month(), c -> {
            Collection<StoredAlert> monthBefore = alerts.forMonth(c, evaluation.month().minusMonths(1)).values();
            List<Decision> decisions = LifecycleStage.decide(evaluation, alerts.forMonth(c, evaluation.month()), monthBefore);
            decisions = SilenceStage.apply(decisions, active, today);
            List<AlertItem> raised = persist.write(c, decisions, runId, now);
            Set<Long> acknowledged = AckCarry.carry(c, acks, alerts, raised, monthBefore, now);   // no reminders once acknowledged
            EmailPlan plan = planner.plan(evaluation.month(), raised, acknowledged::contains);
            if (!email) plan = plan.withoutEmails();
            enqueue.enqueue(c, render.render(plan, evaluation.history(), now), runId, now);
            also.on(c);
            return RunSummary.of(evaluation, runId, decisions, plan);
        });
    }

    /** Closes as retired the alerts that hold for metrics no longer in the configuration; returns how many. */
    public int retire(Set<String> metrics, String runId) {
        Instant now = clock.instant();
        return Transactions.write(ds, "close the alerts of metrics removed from the configuration", c -> {
            List<Decision> retired = LifecycleStage.retire(alerts.holding(c), metrics);
            persist.write(c, retired, runId, now);
            return retired.size();
        });
    }
}
