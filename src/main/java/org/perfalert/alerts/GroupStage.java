package org.perfalert.alerts;

import org.perfalert.config.People;
import org.perfalert.config.Person;
import org.perfalert.routing.Router;

import java.time.YearMonth;
import java.util.*;

/**
 * Stage 5, group by lead: routes every decided item ({@link Router}; a withdrawal to those who heard of the original)
 * and gathers the items to email now into one email per lead, most important first, at most the policy's limit per
 * email (the rest wait for the digest). A pure function; the result is the {@link EmailPlan}.
 */
public final class GroupStage {
    private final Router router;
    private final People people;
    private final int maxItemsPerEmail;

    public GroupStage(Router router, People people, int maxItemsPerEmail) {
        this.router = router;
        this.people = people;
        this.maxItemsPerEmail = Math.max(1, maxItemsPerEmail);
    }

    public EmailPlan group(YearMonth month, List<PolicyStage.Decided> decided) {
        List<EmailPlan.Routed> routed = new ArrayList<>();
        List<PolicyStage.Decided> nobody = new ArrayList<>();
        Map<String, Person> leads = new TreeMap<>();
        Map<String, List<AlertItem>> byLead = new TreeMap<>(), heldByLead = new HashMap<>();
        for (PolicyStage.Decided d : decided.stream().sorted(Comparator.comparing(PolicyStage.Decided::item, AlertItem.IMPORTANCE)).toList()) {
            List<Router.Recipient> to = recipients(d.item());
            if (to.isEmpty()) nobody.add(d);
            for (Router.Recipient r : to) {
                routed.add(new EmailPlan.Routed(d.item(), d.delivery(), r.person(), r.reason()));
                String key = r.email().toLowerCase(Locale.ROOT);
                if (d.delivery() != Delivery.EMAIL_NOW) { heldByLead.computeIfAbsent(key, k -> new ArrayList<>()).add(d.item()); continue; }
                leads.putIfAbsent(key, r.person());
                byLead.computeIfAbsent(key, k -> new ArrayList<>()).add(d.item());
            }
        }
        List<EmailPlan.LeadEmail> emails = new ArrayList<>();
        byLead.forEach((key, emailed) -> {
            List<AlertItem> all = Folding.fold(emailed, heldByLead.getOrDefault(key, List.of()));
            emails.add(new EmailPlan.LeadEmail(leads.get(key), List.copyOf(all.subList(0, Math.min(all.size(), maxItemsPerEmail))),
                    Math.max(0, all.size() - maxItemsPerEmail)));
        });
        return new EmailPlan(month, routed, nobody, emails);
    }

    /** A withdrawal goes to those who were emailed about the original; anything else where the router says. */
    private List<Router.Recipient> recipients(AlertItem item) {
        if (item.status() != AlertStatus.WITHDRAWN) return router.recipients(item.exception());
        return item.emailedBefore().stream().sorted().map(email -> new Router.Recipient(person(email), "was emailed about it")).toList();
    }

    private Person person(String email) {
        return people.roles().values().stream().flatMap(List::stream)
                .filter(p -> p.email().equalsIgnoreCase(email)).findFirst().orElse(new Person(email, email));
    }
}
