package org.perfalert.notify;

import org.perfalert.alerts.Lifecycle;
import org.perfalert.alerts.Silence;
import org.perfalert.alerts.Silences;
import org.perfalert.model.PerformanceException;
import org.perfalert.routing.Router;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;

/**
 * The routing dry run: for each person, the exceptions of a month they would receive and whether each goes in
 * an email now or waits for the digest. A pure function of its inputs.
 */
public final class RecipientsReport {
    private RecipientsReport() { }

    public static String render(YearMonth month, List<EmailItem> items, Router router, NotifyPolicy policy,
                                List<Silence> silences, LocalDate today) {
        Map<String, List<String>> lines = new TreeMap<>();
        Map<String, Integer> emailItems = new TreeMap<>();
        List<String> nobody = new ArrayList<>();
        for (EmailItem i : items.stream().sorted(EmailItem.IMPORTANCE).toList()) {
            PerformanceException e = i.exception();
            Optional<Silence> silence = Silences.matching(e, silences, today);
            Delivery d = policy.decide(i.status(), e.severity(), e.direction(), silence.isPresent(), false);
            String what = String.format("%-7s %-6s %-11s %-10s %s / %s / %s: %s", d == Delivery.EMAIL_NOW ? "EMAIL" : "digest",
                    e.severity().id(), e.direction().id(), i.status().id(), e.metric(), e.area(), e.rule(),
                    HeaderSafety.oneLine(e.headline(), 160)) + silence.map(s -> " [silenced by " + s.id() + "]").orElse("");
            List<Router.Recipient> to = router.recipients(e);
            if (to.isEmpty()) nobody.add("  " + what);
            for (Router.Recipient r : to) {
                String who = r.person().name() + " <" + r.email() + ">";
                lines.computeIfAbsent(who, k -> new ArrayList<>()).add("  " + what + "  (" + r.reason() + ")");
                if (d == Delivery.EMAIL_NOW) emailItems.merge(who, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Who receives what for ").append(month).append(" (").append(items.size()).append(" exceptions):\n");
        lines.forEach((who, ls) -> {
            out.append('\n').append(who).append('\n');
            ls.forEach(l -> out.append(l).append('\n'));
        });
        if (!nobody.isEmpty()) {
            out.append("\nnobody (no owner, no route and no default route):\n");
            nobody.forEach(l -> out.append(l).append('\n'));
        }
        int cap = Math.max(1, policy.maxItemsPerEmail());
        out.append("\nEmails now: ").append(emailItems.size());
        emailItems.forEach((who, n) -> out.append("\n  ").append(who).append(": ").append(Math.min(n, cap)).append(" item(s)")
                .append(n > cap ? " (" + (n - cap) + " more held for the digest)" : ""));
        return out.append('\n').toString();
    }

    /**
     * Freshly evaluated exceptions with the status the alert store would give them: continuing when the same
     * series and rule was found the month before, otherwise new.
     */
    public static List<EmailItem> withStatus(List<PerformanceException> atMonth, List<PerformanceException> monthBefore) {
        Set<String> before = new HashSet<>();
        monthBefore.forEach(e -> before.add(e.rule() + "|" + e.seriesKey()));
        return atMonth.stream().map(e -> new EmailItem(0, Lifecycle.decide(before.contains(e.rule() + "|" + e.seriesKey()), true,
                Optional.empty()).orElseThrow(), e)).toList();
    }
}
