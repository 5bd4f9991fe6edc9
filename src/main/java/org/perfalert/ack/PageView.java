package org.perfalert.ack;

import org.perfalert.alerts.Acknowledgement;
import org.perfalert.alerts.Acknowledging;
import org.perfalert.alerts.EmailRenderer;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.notify.Templates;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * Renders the acknowledge page from the template {@code ack-page.html.ftlh} (config/templates/ or the built-in one;
 * every value HTML-escaped), in one of four states: the form, done, withdrawn, refused. Each page gets its own
 * Content-Security-Policy: nothing but its own inline style (by nonce) and its data: chart; no script at all.
 */
final class PageView {
    static final String TEMPLATE = "ack-page.html.ftlh";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final freemarker.template.Configuration templates;
    private final Charts charts;

    PageView(Path configDir, Charts charts) {
        this.templates = Templates.freemarker(configDir == null ? null : configDir.resolve("templates"));
        this.charts = charts;
    }

    /** What a page is about: the alert, who the link is for, whether it is their own series, whether to offer holding back first. */
    record Page(StoredAlert alert, Person person, boolean owner, boolean hold, Instant now) { }

    /** A rendered page and the Content-Security-Policy it needs. */
    record Html(String html, String csp) { }

    Html form(Configuration cfg, Page p, String csrf, List<Acknowledgement> mine, String notice) {
        Map<String, Object> m = item(cfg, p, mine);
        m.put("state", "form");
        m.put("csrf", csrf);
        m.put("notice", notice);
        return render(m);
    }

    Html done(Configuration cfg, Page p, Acknowledging.Result done, HoldBack.Outcome held, List<Acknowledgement> mine) {
        Map<String, Object> m = item(cfg, p, mine);
        m.put("state", "done");
        m.put("added", done.addedAny());
        m.put("heldUntil", held == null ? "" : held.silence().endsOn().format(DAY));
        m.put("heldAdded", held != null && held.added());
        return render(m);
    }

    Html withdrawn(Configuration cfg, Page p) {
        Map<String, Object> m = item(cfg, p, List.of());
        m.put("state", "withdrawn");
        return render(m);
    }

    Html refused(String title, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", "refused");
        m.put("title", title);
        m.put("message", message);
        return render(m);
    }

    private Map<String, Object> item(Configuration cfg, Page p, List<Acknowledgement> mine) {
        StoredAlert a = p.alert();
        ZoneId zone = zone(cfg);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Acknowledge: " + Charts.title(cfg, a));
        m.put("series", Charts.title(cfg, a));
        m.put("headline", a.headline() == null ? a.rule() : a.headline());
        m.put("severity", a.severity() == null ? "" : a.severity().id());
        m.put("direction", a.direction() == null ? "" : a.direction().id());
        m.put("status", a.status().id());
        m.put("month", a.month().format(MONTH));
        m.put("rule", a.rule());
        m.put("alertId", String.valueOf(a.id()));
        List<Map<String, String>> evidence = new ArrayList<>();
        a.evidence().forEach((k, v) -> evidence.add(Map.of("key", k.replace('_', ' '), "value", EmailRenderer.format(v))));
        m.put("evidence", evidence);
        byte[] png = charts.png(cfg, a);
        m.put("chart", png == null ? "" : "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        m.put("name", p.person().name());
        m.put("owner", p.owner());
        m.put("hold", p.hold());
        m.put("holdUntil", LocalDate.ofInstant(p.now(), zone).plusDays(HoldBack.DAYS).format(DAY));
        m.put("mine", mine.stream().map(k -> Map.of("when", WHEN.format(k.at().atZone(zone)),
                "comment", k.comment() == null ? "" : k.comment())).toList());
        m.put("maxComment", Acknowledging.MAX_COMMENT);
        return m;
    }

    private Html render(Map<String, Object> model) {
        byte[] n = new byte[18];
        RANDOM.nextBytes(n);
        String nonce = Base64.getEncoder().encodeToString(n);
        model.put("cspNonce", nonce);
        String csp = "default-src 'none'; img-src data:; style-src 'nonce-" + nonce + "'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'";
        return new Html(Templates.render(templates, TEMPLATE, model, "acknowledge page"), csp);
    }

    private static ZoneId zone(Configuration cfg) {
        try { return ZoneId.of(cfg.settings().get("digest.zone").trim()); }
        catch (RuntimeException e) { return ZoneId.of("Europe/London"); }
    }
}
