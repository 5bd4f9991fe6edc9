package org.perfalert.alerts;

import java.time.YearMonth;
import java.util.List;

/**
 * What one evaluation run changed in the alert store and queued for email.
 * itemsPerEmail holds, per queued email, the number of exceptions it carries; heldForDigest counts the items
 * the policy would have emailed but that were over the per-email limit (summed over leads).
 */
public record RunSummary(YearMonth month, String runId, int found, int newCount, int continuing, int resolved,
                         int withdrawn, int unchanged, int silenced, int emailsQueued, List<Integer> itemsPerEmail, int heldForDigest) {

    @Override
    public String toString() {
        return month + " run " + runId + ": " + found + " found, " + newCount + " new, " + continuing + " continuing, "
                + resolved + " resolved, " + withdrawn + " withdrawn, " + unchanged + " unchanged, " + silenced
                + " silenced; " + emailsQueued + " email(s) queued" + (heldForDigest > 0 ? ", " + heldForDigest + " item(s) over the per-email limit left for the digest" : "");
    }
}
