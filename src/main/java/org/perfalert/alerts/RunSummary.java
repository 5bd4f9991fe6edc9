package org.perfalert.alerts;

import org.perfalert.evaluate.Evaluation;

import java.time.YearMonth;
import java.util.List;

/**
 * What one evaluation run changed in the alert store and queued for email.
 * itemsPerEmail holds, per queued email, the number of exceptions it carries; heldForDigest counts the items
 * the policy would have emailed but that were over the per-email limit (summed over leads).
 */
public record RunSummary(YearMonth month, String runId, int found, int newCount, int continuing, int resolved,
                         int withdrawn, int unchanged, int silenced, int emailsQueued, List<Integer> itemsPerEmail, int heldForDigest) {

    /** Counted from the lifecycle's decisions and the email plan of one month. */
    static RunSummary of(Evaluation evaluation, String runId, List<Decision> decisions, EmailPlan plan) {
        int[] raised = new int[AlertStatus.values().length];
        int unchanged = 0, silenced = 0;
        for (Decision d : decisions) {
            switch (d.action()) {
                case RAISE -> {
                    raised[d.status().ordinal()]++;
                    if (d.silencedBy() != null) silenced++;
                }
                case KEEP, REFRESH -> unchanged++;
                case REMOVE -> { }
            }
        }
        return new RunSummary(evaluation.month(), runId, evaluation.findings().size(), raised[AlertStatus.NEW.ordinal()],
                raised[AlertStatus.CONTINUING.ordinal()], raised[AlertStatus.RESOLVED.ordinal()], raised[AlertStatus.WITHDRAWN.ordinal()],
                unchanged, silenced, plan.emails().size(), plan.itemsPerEmail(), plan.heldForDigest());
    }

    @Override
    public String toString() {
        return month + " run " + runId + ": " + found + " found, " + newCount + " new, " + continuing + " continuing, "
                + resolved + " resolved, " + withdrawn + " withdrawn, " + unchanged + " unchanged, " + silenced
                + " silenced; " + emailsQueued + " email(s) queued" + (heldForDigest > 0 ? ", " + heldForDigest + " item(s) over the per-email limit left for the digest" : "");
    }
}
