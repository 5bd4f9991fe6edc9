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
        return render(lead, month, items, heldBack, charts(history), now);
    }

    /**
     * The charts of a run's items, each drawn once however many leads' emails show it (the owner's and an area
     * commander's): the statistic that fired ({@link ItemChart}) from the history evaluated, the month marked.
     */
    public Function<PerformanceException, byte[]> charts(SeriesHistory history) {
        Map<ItemChart, Optional<byte[]>> drawn = new HashMap<>();
        return e -> drawn.computeIfAbsent(ItemChart.of(e, catalogue.find(e.metric()).orElse(null), history),
                c -> Optional.ofNullable(ChartRenderer.png(c))).orElse(null);
    }

    /** The email to one lead, its charts from those given. */
    public RenderedEmail render(Person lead, YearMonth month, List<AlertItem> items, int heldBack,
                                Function<PerformanceException, byte[]> charts, Instant now) {
        Mailer.Draft draft = mailer.to(lead.email(), lead.name(), "recipient");
        if (links != null && links.replyTo() != null) draft.replyTo(links.replyTo());
        List<AlertItem> ordered = inEmailOrder(items);
        Map<byte[], String> cids = new IdentityHashMap<>();   // a chart shown twice is attached once
        List<Map<String, Object>> shown = new ArrayList<>();
        int number = 0;
        for (AlertItem i : ordered) {
            byte[] png = charts.apply(i.exception());
            String cid = png == null ? "" : cids.computeIfAbsent(png, p -> draft.inline("chart-" + (cids.size() + 1) + "." + draft.idText(), p));
            shown.add(item(i, ++number, lead.email(), now, cid));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        String subject = subject(month, ordered);
        model.put("subject", subject);
        model.put("leadName", lead.name());
        model.put("month", month.format(MONTH));
        model.put("count", ordered.size());
        model.put("heldBack", heldBack);
        model.put("items", shown);
        model.put("links", links != null && links.on());
        model.put("replyTo", links == null || links.replyTo() == null ? "" : links.replyTo());
        return draft.compose(subject, TEMPLATE, model, now);
    }

    /** The items in the order the email shows and numbers them (1, 2, …): by series, most important first. */
    public static List<AlertItem> inEmailOrder(List<AlertItem> items) {
        Map<SeriesKey, List<AlertItem>> bySeries = new LinkedHashMap<>();
        items.stream().sorted(AlertItem.IMPORTANCE)
                .forEach(i -> bySeries.computeIfAbsent(i.exception().seriesKey(), k -> new ArrayList<>()).add(i));
        return bySeries.values().stream().flatMap(List::stream).toList();
    }

    /** Subjects stay under this many characters, so that a mail program shows the worst item whole. */
    public static final int SUBJECT_MAX = 99;

    /**
     * "[perfalert] December 2025: Peterborough – Burglary (police.uk) 81, highest in 12 months (+2 more)": the worst
     * item named first, shortened step by step (a short month, no month, no wording, a cut name) to stay under 100
     * characters.
     */
    static String subject(YearMonth month, List<AlertItem> sorted) {
        AlertItem worst = sorted.get(0);
        String headline = worst.exception().headline() == null ? worst.exception().rule() : worst.exception().headline();
        String in = " in " + month.format(MONTH) + ": ";
        int at = headline.indexOf(in);
        String name = at < 0 ? headline : headline.substring(0, at);
        String what = at < 0 ? "" : headline.substring(at + in.length());
        boolean withdrawn = worst.status() == AlertStatus.WITHDRAWN;
        String more = sorted.size() > 1 ? " (+" + (sorted.size() - 1) + " more)" : "";
        String lead = "[perfalert] " + (withdrawn ? "Withdrawn: " : "");
        String when = (withdrawn ? "Withdrawn, " : "") + month.format(MONTH) + ": ";
        String shortWhen = (withdrawn ? "Withdrawn, " : "") + month.format(SHORT_MONTH) + ": ";
        String said = what.isEmpty() ? "" : ", " + what;
        for (String s : List.of("[perfalert] " + when + name + said + more, "[perfalert] " + shortWhen + name + said + more,
                lead + name + said + more, "[perfalert] " + when + name + more, "[perfalert] " + shortWhen + name + more,
                lead + name + more))
            if (s.length() <= SUBJECT_MAX) return s;
        return lead + name.substring(0, SUBJECT_MAX - lead.length() - more.length() - 1) + "\u2026" + more;
    }

    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private Map<String, Object> item(AlertItem i, int number, String recipient, Instant now, String chartCid) {
        PerformanceException e = i.exception();
        Metric metric = catalogue.find(e.metric()).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        AckLinks.Item link = links == null ? AckLinks.Item.NONE : links.item(i, recipient, now);
        m.put("number", number);
        m.put("title", title(e.seriesKey()));
        m.put("ackUrl", link.acknowledge());
        m.put("holdUrl", link.holdBack());
        m.put("status", i.status().id());
        m.put("severity", e.severity().id());
        m.put("direction", e.direction().id());
        m.put("tone", ItemWords.tone(e.direction()));
        m.put("rule", e.rule());
        m.put("headline", e.headline() == null ? "" : e.headline());
        m.put("numbers", ItemWords.numbers(e, metric));
        m.put("also", also(i));
        m.put("alertId", String.valueOf(i.alertId()));
        m.put("chartCid", chartCid);
        m.put("chartAlt", title(e.seriesKey()) + ": " + ItemChart.of(e, metric, SeriesHistory.NONE).what() + ", " + e.month().format(MONTH) + " marked");
        m.put("details", details(e));
        return m;
    }

    /**
     * What the email plan folded into the item (SIGNALS.md 4), as the "Also:" lines: the other places of the metric
     * ("South and the force"), then what the other rules say of the same figure ("highest since March 2023").
     */
    static List<String> also(AlertItem i) { return i.alsoParts(); }

    /** The analysts' line of an item: its statistics (z, φ, p …), each rounded to what tells it apart. */
    static String details(PerformanceException e) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> ev = e.evidence() == null ? Map.of() : e.evidence();
        List<String> keys = new ArrayList<>(ItemWords.DETAILS);
        ev.keySet().stream().filter(k -> !keys.contains(k) && !ItemWords.IN_WORDS.contains(k)).forEach(keys::add);
        for (String k : keys) {
            Object v = ev.get(k);
            if (v != null) parts.add((k.equals("phi") ? "\u03c6" : k.replace('_', ' ')) + " " + format(v));
        }
        return String.join(", ", parts);
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
