package org.perfalert.alerts;

import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.notify.MailSettings;
import org.perfalert.routing.Router;
import org.perfalert.routing.RoutingCheck;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;
import java.util.function.LongPredicate;

/**
 * The notification policy and grouping stages together: from items as they stand to the {@link EmailPlan}. The alert
 * stages send what it plans; {@code perfalert recipients} prints what it plans for a stored month or for data files,
 * so the dry run and the real run cannot disagree.
 */
public final class EmailPlanner {
    private final NotifyPolicy policy;
    private final GroupStage group;

    private EmailPlanner(NotifyPolicy policy, GroupStage group) {
        this.policy = policy;
        this.group = group;
    }

    /** The planner of a configuration, once its routing, policy and sender are checked (every problem listed). */
    public static EmailPlanner of(Configuration config) throws ConfigException {
        NotifyPolicy policy = check(config);
        return new EmailPlanner(policy, new GroupStage(new Router(config.catalogue(), config.people()), config.people(),
                policy.maxItemsPerEmail()));
    }

    /** Validates routing, the notification policy and the sender address; returns the policy. */
    public static NotifyPolicy check(Configuration config) throws ConfigException {
        List<String> problems = new ArrayList<>(RoutingCheck.problems(config.catalogue(), config.areas(), config.people()));
        NotifyPolicy p = null;
        try { p = NotifyPolicy.from(config.settings()); }
        catch (IllegalArgumentException e) { problems.add("application.properties: " + e.getMessage()); }
        try { MailSettings.from(config.settings()); }
        catch (IllegalArgumentException e) { problems.add("application.properties: " + e.getMessage()); }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return p;
    }

    public NotifyPolicy policy() { return policy; }

    /** Stage 4 then stage 5: the policy's decision for each item, then the emails by lead. */
    public EmailPlan plan(YearMonth month, List<AlertItem> items) {
        return plan(month, items, id -> false);
    }

    /** The same, a continuing exception someone acknowledged kept from email (no reminders once acknowledged). */
    public EmailPlan plan(YearMonth month, List<AlertItem> items, LongPredicate acknowledged) {
        return group.group(month, AckCarry.noReminders(PolicyStage.decide(items, policy), acknowledged));
    }

    /** The dry run of a stored month: its holding exceptions as if raised now, with the silences in force today. */
    public EmailPlan planStored(DataSource ds, YearMonth month, LocalDate today) {
        List<Silence> silences = new SilenceStore(ds).activeOn(today);
        List<AlertItem> items = new AlertStore(ds).forMonth(month).stream().filter(a -> a.status().holds())
                .map(a -> new AlertItem(a.id(), a.status(), a.asException(),
                        Silences.matching(a.asException(), silences, today).map(Silence::id).orElse(null), Set.of()))
                .toList();
        Set<Long> acknowledged = new AckStore(ds).latestBefore(items.stream().map(AlertItem::alertId).toList(),
                today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).keySet();
        return plan(month, items, acknowledged::contains);
    }

    /**
     * The dry run of freshly evaluated exceptions, with the status the alert store would give them: continuing when the
     * same series and rule was found the month before, otherwise new.
     */
    public static List<AlertItem> asRaised(List<PerformanceException> atMonth, List<PerformanceException> monthBefore) {
        Set<String> before = new HashSet<>();
        monthBefore.forEach(e -> before.add(StoredAlert.track(e.rule(), e.seriesKey())));
        return atMonth.stream().map(e -> AlertItem.of(0, Lifecycle.decide(before.contains(StoredAlert.track(e.rule(), e.seriesKey())),
                true, Optional.empty()).orElseThrow(), e)).toList();
    }
}
