package org.perfalert.alerts;

import org.perfalert.config.Catalogue;
import org.perfalert.config.Person;
import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.notify.Mailer;
import org.perfalert.notify.RenderedEmail;
import org.perfalert.model.Metric;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.Function;

/**
 * Renders one lead's email for one evaluation run through the {@link Mailer}: template {@code alert-email}
 * (HTML every value auto-escaped, and plain text), with one chart per series drawn inline.
 */
public class EmailRenderer {
    public static final String TEMPLATE = "alert-email", HTML = TEMPLATE + ".html.ftlh", TEXT = TEMPLATE + ".txt.ftl";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final Mailer mailer;
    private final Catalogue catalogue;
    private final AckLinks links;

    /** Emails without acknowledge links. */
    public EmailRenderer(Mailer mailer, Catalogue catalogue) { this(mailer, catalogue, null); }

    /** links: each item's "Acknowledge" link and the reply address (null: none). */
    public EmailRenderer(Mailer mailer, Catalogue catalogue, AckLinks links) {
        this.mailer = mailer;
        this.catalogue = catalogue;
        this.links = links;
    }

    /**
     * The email to one lead. items must not be empty; heldBack is how many more items wait for the digest
     * (over the per-email limit).
     */
    public RenderedEmail render(Person lead, YearMonth month, List<AlertItem> items, int heldBack, SeriesHistory history,
                                Instant now) {
        return render(lead, month, items, heldBack, charts(history, month), now);
    }

    /**
     * The charts of a month's series, each drawn once however many leads' emails show it (the owner's and an area
     * commander's): a chart is the series' last 24 months in the history evaluated, the month marked.
     */
    public Function<SeriesKey, byte[]> charts(SeriesHistory history, YearMonth month) {
        Map<SeriesKey, Optional<byte[]>> drawn = new HashMap<>();
        return s -> drawn.computeIfAbsent(s, k -> Optional.ofNullable(ChartRenderer.png(title(k),
                history.values(k, month.minusMonths(ChartRenderer.MONTHS - 1), month), month))).orElse(null);
    }

    /** The email to one lead, its charts from those given. */
    public RenderedEmail render(Person lead, YearMonth month, List<AlertItem> items, int heldBack, Function<SeriesKey, byte[]> charts,
                                Instant now) {
        Mailer.Draft draft = mailer.to(lead.email(), lead.name(), "recipient");
        if (links != null && links.replyTo() != null) draft.replyTo(links.replyTo());
        List<AlertItem> sorted = items.stream().sorted(AlertItem.IMPORTANCE).toList();
        Map<SeriesKey, List<AlertItem>> bySeries = bySeries(sorted);
        int[] number = {0};

        int inline = 0;
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<AlertItem>> g : bySeries.entrySet()) {
            SeriesKey s = g.getKey();
            String title = title(s);
            byte[] png = charts.apply(s);
            String cid = png == null ? null : draft.inline("chart-" + (++inline) + "." + draft.idText(), png);
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("title", title);
            group.put("area", s.area());
            group.put("areaType", s.areaType().id());
            group.put("chartCid", cid == null ? "" : cid);
            group.put("items", g.getValue().stream().map(i -> item(i, ++number[0], lead.email(), now)).toList());
            groups.add(group);
        }

        Map<String, Object> model = new LinkedHashMap<>();
        String subject = subject(month, sorted);
        model.put("subject", subject);
        model.put("leadName", lead.name());
        model.put("month", month.format(MONTH));
        model.put("count", sorted.size());
        model.put("heldBack", heldBack);
        model.put("groups", groups);
        model.put("links", links != null && links.on());
        model.put("replyTo", links == null || links.replyTo() == null ? "" : links.replyTo());
        return draft.compose(subject, TEMPLATE, model, now);
    }

    /** The items in the order the email shows and numbers them (1, 2, …): by series, most important first. */
    public static List<AlertItem> inEmailOrder(List<AlertItem> items) {
        return bySeries(items.stream().sorted(AlertItem.IMPORTANCE).toList()).values().stream().flatMap(List::stream).toList();
    }

    private static Map<SeriesKey, List<AlertItem>> bySeries(List<AlertItem> sorted) {
        Map<SeriesKey, List<AlertItem>> bySeries = new LinkedHashMap<>();
        sorted.forEach(i -> bySeries.computeIfAbsent(i.exception().seriesKey(), k -> new ArrayList<>()).add(i));
        return bySeries;
    }

    /** "3 performance exceptions for March 2025 (1 withdrawn) — worst: headline" */
    static String subject(YearMonth month, List<AlertItem> sorted) {
        long withdrawn = sorted.stream().filter(i -> i.status() == AlertStatus.WITHDRAWN).count();
        long holding = sorted.size() - withdrawn;
        String when = month.format(MONTH);
        AlertItem worst = sorted.get(0);
        String s;
        if (holding == 0) s = withdrawn + (withdrawn == 1 ? " exception" : " exceptions") + " withdrawn for " + when
                + ": " + worst.exception().headline();
        else s = holding + (holding == 1 ? " performance exception" : " performance exceptions") + " for " + when
                + (withdrawn > 0 ? " (" + withdrawn + " withdrawn)" : "")
                + " \u2014 worst: " + worst.exception().severity().id() + ", " + worst.exception().headline();
        return "[perfalert] " + s;   // one line, at most 250 characters: the Mailer sees to it
    }

    private Map<String, Object> item(AlertItem i, int number, String recipient, Instant now) {
        PerformanceException e = i.exception();
        Map<String, Object> m = new LinkedHashMap<>();
        AckLinks.Item link = links == null ? AckLinks.Item.NONE : links.item(i, recipient, now);
        m.put("number", number);
        m.put("ackUrl", link.acknowledge());
        m.put("holdUrl", link.holdBack());
        m.put("status", i.status().id());
        m.put("severity", e.severity().id());
        m.put("direction", e.direction().id());
        m.put("rule", e.rule());
        m.put("headline", e.headline() == null ? "" : e.headline());
        m.put("also", i.alsoText());
        m.put("alertId", String.valueOf(i.alertId()));
        List<Map<String, String>> rows = new ArrayList<>();
        (e.evidence() == null ? Map.<String, Object>of() : e.evidence())
                .forEach((k, v) -> rows.add(Map.of("key", k.replace('_', ' '), "value", format(v))));
        m.put("evidence", rows);
        return m;
    }

    private String title(SeriesKey s) { return label(s.metric()) + " \u2014 " + s.area(); }

    private String label(String metric) { return catalogue.find(metric).map(Metric::label).orElse(metric); }

    /** Evidence values as a lead reads them: numbers rounded to 2 decimals, lists joined, null as "none". */
    public static String format(Object v) {
        if (v == null) return "none";
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
            return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Collection<?> c) return String.join(", ", c.stream().map(EmailRenderer::format).toList());
        return String.valueOf(v);
    }
}
