package org.perfalert.alerts;

import org.perfalert.config.Person;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who hears of which exceptions of a month, and how: what the run sends and what {@code perfalert recipients} prints,
 * made by the same stages so the two cannot disagree.
 *
 * @param routed every (item, recipient) pair with the policy's decision and the reason the recipient gets it
 * @param nobody the items that reach nobody (no owner, no route and no default route)
 * @param emails one email per lead with at least one item to email now
 */
public record EmailPlan(YearMonth month, List<Routed> routed, List<PolicyStage.Decided> nobody, List<LeadEmail> emails) {

    /** One item for one recipient. */
    public record Routed(AlertItem item, Delivery delivery, Person person, String reason) { }

    /** One lead's email: the items in it, most important first, and how many more were over the limit. */
    public record LeadEmail(Person lead, List<AlertItem> items, int heldBack) { }

    /** The same plan with no email sent now: a backfilled month's exceptions go to the digest only. */
    public EmailPlan withoutEmails() { return new EmailPlan(month, routed, nobody, List.of()); }

    /** How many exceptions were planned (routed ones appear once per recipient). */
    public long exceptions() {
        return Stream.concat(routed.stream().map(Routed::item), nobody.stream().map(PolicyStage.Decided::item)).distinct().count();
    }

    /** The number of items per email, in the order the emails go. */
    public List<Integer> itemsPerEmail() { return emails.stream().map(e -> e.items().size()).toList(); }

    /** Items the policy would email but that were over the per-email limit, summed over leads. */
    public int heldForDigest() { return emails.stream().mapToInt(LeadEmail::heldBack).sum(); }
}
