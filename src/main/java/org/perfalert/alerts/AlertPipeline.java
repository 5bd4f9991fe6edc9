package org.perfalert.alerts;

import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.*;
import org.perfalert.routing.Router;
import org.perfalert.routing.RoutingCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import org.perfalert.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;

/**
 * After each evaluation: store the exceptions, decide their lifecycle, route them and queue one email per lead
 * in the outbox, all in one transaction. Call {@link OutboxSender#sendDue()} afterwards to send.
 */
public class AlertPipeline {
    private final DataSource ds;
    private final AlertStore alerts;
    private final SilenceStore silences;
    private final Outbox outbox;
    private final Router router;
    private final NotifyPolicy policy;
    private final EmailRenderer renderer;
    private final SeriesHistory history;
    private final Configuration config;
    private final Clock clock;

    public AlertPipeline(DataSource ds, Configuration config, SeriesHistory history, Clock clock) throws ConfigException {
        this.policy = check(config);
        this.ds = ds;
        this.config = config;
        this.history = history;
        this.clock = clock;
        this.alerts = new AlertStore(ds);
        this.silences = new SilenceStore(ds);
        this.outbox = new Outbox(ds);
        this.router = new Router(config.catalogue(), config.people());
        this.renderer = new EmailRenderer(Mailer.of(config), config.catalogue());
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

    public Outbox outbox() { return outbox; }

    /**
     * Processes one evaluation of a month.
     * @param found           every exception the evaluation found for the month
     * @param evaluatedSeries the series evaluated (had a value for the month); only these can resolve or withdraw
     * @param runId           names the evaluation run (kept on changed rows and outbox rows)
     */
    public RunSummary process(YearMonth month, List<PerformanceException> found, Set<SeriesKey> evaluatedSeries, String runId) {
        for (PerformanceException e : found)
            if (!e.month().equals(month))
                throw new IllegalArgumentException("exception " + e.fingerprint() + " is not for the month processed, " + month);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Silence> active = silences.activeOn(today);
        Set<SeriesKey> evaluated = new HashSet<>(evaluatedSeries);
        found.forEach(e -> evaluated.add(e.seriesKey()));

        return Transactions.write(ds, "store the alerts of " + month,
                c -> process(c, month, found, evaluated, runId, now, today, active));
    }

    private RunSummary process(Connection c, YearMonth month, List<PerformanceException> found, Set<SeriesKey> evaluated,
                               String runId, Instant now, LocalDate today, List<Silence> active) {
        Map<String, StoredAlert> stored = alerts.forMonth(c, month);
        Map<String, StoredAlert> heldBefore = new HashMap<>();
        for (StoredAlert a : alerts.forMonth(c, month.minusMonths(1)).values())
            if (a.status().holds()) heldBefore.put(a.track(), a);

        // Every fingerprint at M that may need a decision, with the exception that describes it.
        Map<String, PerformanceException> candidates = new LinkedHashMap<>();
        Set<String> foundNow = new HashSet<>();
        for (PerformanceException e : found) { candidates.put(e.fingerprint(), e); foundNow.add(e.fingerprint()); }
        for (StoredAlert a : stored.values())
            if (evaluated.contains(a.series())) candidates.putIfAbsent(a.fingerprint(), a.asException());
        for (StoredAlert a : heldBefore.values())
            if (evaluated.contains(a.series())) {
                PerformanceException moved = moveTo(a.asException(), month);
                candidates.putIfAbsent(moved.fingerprint(), moved);
            }

        int[] counts = new int[AlertStatus.values().length];
        int unchanged = 0, silencedCount = 0;
        List<EmailItem> toEmail = new ArrayList<>();
        Map<Long, Set<String>> withdrawnTo = new HashMap<>();
        for (PerformanceException e : candidates.values()) {
            StoredAlert before = stored.get(e.fingerprint());
            boolean held = heldBefore.containsKey(StoredAlert.track(e.rule(), e.seriesKey()));
            Optional<AlertStatus> decided = Lifecycle.decide(held, foundNow.contains(e.fingerprint()),
                    Optional.ofNullable(before).map(StoredAlert::status));
            if (decided.isEmpty()) {
                if (before != null) alerts.delete(c, before.id());
                continue;
            }
            AlertStatus status = decided.get();
            Long silencedBy = Silences.matching(e, active, today).map(Silence::id).orElse(null);
            if (before != null && before.status() == status) {
                // Same status: refresh the content if a revision changed the numbers, but tell nobody.
                if (foundNow.contains(e.fingerprint()) && !sameContent(before, e))
                    alerts.update(c, before.id(), e, status, before.silencedBy(), runId, now);
                unchanged++;
                continue;
            }
            PerformanceException content = status == AlertStatus.WITHDRAWN ? before.asException() : e;
            long id;
            if (before == null) id = alerts.insert(c, content, status, silencedBy, runId, now);
            else { id = before.id(); alerts.update(c, id, content, status, silencedBy, runId, now); }
            counts[status.ordinal()]++;
            if (silencedBy != null) silencedCount++;
            Set<String> original = status == AlertStatus.WITHDRAWN ? alerts.emailedAbout(c, id) : Set.of();
            Delivery d = policy.decide(status, content.severity(), content.direction(), silencedBy != null, !original.isEmpty());
            if (d == Delivery.EMAIL_NOW) {
                toEmail.add(new EmailItem(id, status, content));
                if (status == AlertStatus.WITHDRAWN) withdrawnTo.put(id, original);
            }
        }

        Queued q = queueEmails(c, month, toEmail, withdrawnTo, runId, now);
        return new RunSummary(month, runId, found.size(), counts[AlertStatus.NEW.ordinal()],
                counts[AlertStatus.CONTINUING.ordinal()], counts[AlertStatus.RESOLVED.ordinal()],
                counts[AlertStatus.WITHDRAWN.ordinal()], unchanged, silencedCount, q.itemsPerEmail().size(), q.itemsPerEmail(), q.heldForDigest());
    }

    private record Queued(List<Integer> itemsPerEmail, int heldForDigest) { }

    /** Groups the items by lead, renders one email each and writes it to the outbox with its delivery records. */
    private Queued queueEmails(Connection c, YearMonth month, List<EmailItem> items, Map<Long, Set<String>> withdrawnTo,
                                      String runId, Instant now) {
        Map<String, Person> leads = new TreeMap<>();
        Map<String, List<EmailItem>> byLead = new TreeMap<>();
        for (EmailItem i : items) {
            List<Person> to = i.status() == AlertStatus.WITHDRAWN
                    ? withdrawnTo.get(i.alertId()).stream().map(this::person).toList()
                    : router.recipients(i.exception()).stream().map(Router.Recipient::person).toList();
            for (Person p : to) {
                String key = p.email().toLowerCase(Locale.ROOT);
                leads.putIfAbsent(key, p);
                byLead.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> sizes = new ArrayList<>();
        int heldBack = 0;
        for (Map.Entry<String, List<EmailItem>> e : byLead.entrySet()) {
            List<EmailItem> all = e.getValue().stream().sorted(EmailItem.IMPORTANCE).toList();
            List<EmailItem> inEmail = all.subList(0, Math.min(all.size(), Math.max(1, policy.maxItemsPerEmail())));
            Person lead = leads.get(e.getKey());
            RenderedEmail mail = renderer.render(lead, month, inEmail, all.size() - inEmail.size(), history, now);
            long outboxId = outbox.enqueue(c, runId, mail, now);
            for (EmailItem i : inEmail)
                alerts.addDelivery(c, i.alertId(), lead.email(), outboxId, i.status() == AlertStatus.WITHDRAWN ? "withdrawn" : "alert");
            sizes.add(inEmail.size());
            heldBack += all.size() - inEmail.size();
        }
        return new Queued(sizes, heldBack);
    }

    private Person person(String email) {
        return config.people().roles().values().stream().flatMap(List::stream)
                .filter(p -> p.email().equalsIgnoreCase(email)).findFirst().orElse(new Person(email, email));
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
