package org.perfalert.ack;

import org.perfalert.alerts.AckLinks;
import org.perfalert.alerts.Acknowledgement;
import org.perfalert.alerts.Acknowledging;
import org.perfalert.alerts.AlertStatus;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.AckStore;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.links.AckToken;
import org.perfalert.links.LinkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.*;
import java.util.function.Supplier;

/**
 * The page behind an email's "Acknowledge" link: GET shows the exception, its chart and a comment box; POST
 * acknowledges it (and, for the lead's own series, may hold it back for 4 weeks). Every request proves itself by the
 * signed token in its path; a POST also by the form's anti-forgery value ({@link FormGuard}) and, when the browser
 * says where it comes from, by coming from this page's own site. Anything refused stores nothing.
 */
public final class AckPage {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.ack");

    private final DataSource ds;
    private final Supplier<Configuration> config;
    private final LinkSettings links;
    private final FormGuard guard;
    private final PageView view;
    private final HoldBack holdBack;
    private final Clock clock;

    /** config: the configuration in force at each request (people.yaml decides who may acknowledge). */
    public AckPage(DataSource ds, Supplier<Configuration> config, LinkSettings links, Clock clock) {
        if (!links.on()) throw new IllegalStateException("acknowledge links are off: " + links.whyOff());
        this.ds = ds;
        this.config = config;
        this.links = links;
        this.guard = new FormGuard(links.signer());
        this.view = new PageView(config.get().dir(), new Charts(ds));
        this.holdBack = new HoldBack(ds);
        this.clock = clock;
    }

    /** One request: method GET or POST, the token from the path, the form fields, and the browser's Origin and Sec-Fetch-Site. */
    public record Request(String method, String token, boolean hold, Map<String, String> form, String origin, String fetchSite) { }

    /** The answer: an HTTP status, the page and its Content-Security-Policy. */
    public record Response(int status, String html, String csp) {
        Response(int status, PageView.Html page) { this(status, page.html(), page.csp()); }
    }

    public Response handle(Request r) {
        Instant now = clock.instant();
        Configuration cfg = config.get();
        AckToken token;
        try {
            token = AckToken.verify(r.token(), links.signer(), now);
        } catch (AckToken.Invalid e) {
            LOG.warn("link refused reason=\"{}\"", e.getMessage());
            return e.expired() ? refused(410, "This link has expired",
                    "Links in perfalert's emails work for " + links.validity().toDays() + " days. Reply to the email with \"ack\" "
                            + "on the first line instead, or ask the performance team.")
                    : refused(403, "This link is not valid", "It is not a link perfalert made, or it was changed on the way. "
                    + "Open the link from the email again.");
        }
        StoredAlert alert = new AlertStore(ds).find(String.valueOf(token.alertId())).orElse(null);
        if (alert == null) {
            LOG.warn("link refused reason=\"no such alert\" alert={} to={}", token.alertId(), token.recipient());
            return refused(404, "This exception is no longer held", "A later revision of the figures removed it, so there is "
                    + "nothing to acknowledge.");
        }
        Optional<Person> person = People.find(cfg.people(), token.recipient());
        if (person.isEmpty() || !new AlertStore(ds).emailedAbout(alert.id()).stream().anyMatch(a -> a.equalsIgnoreCase(token.recipient()))) {
            LOG.warn("link refused reason=\"not a recipient\" alert={} to={}", alert.id(), token.recipient());
            return refused(403, "This link is not yours to use", "It was made for someone who is not, or no longer, among "
                    + "the people this exception was sent to.");
        }
        boolean owner = AckLinks.owns(cfg.people(), cfg.catalogue(), token.recipient(), alert.series().metric());
        PageView.Page page = new PageView.Page(alert, person.get(), owner, r.hold() && owner, now);
        if (alert.status() == AlertStatus.WITHDRAWN)
            return new Response(r.method().equals("POST") ? 409 : 200, view.withdrawn(cfg, page));
        if (r.method().equals("GET"))
            return new Response(200, view.form(cfg, page, guard.issue(r.token(), now), mine(alert, token), ""));
        return post(r, cfg, page, token, now);
    }

    private Response post(Request r, Configuration cfg, PageView.Page page, AckToken token, Instant now) {
        String crossSite = crossSite(r);
        String forged = crossSite != null ? crossSite : guard.refusal(r.form().get("csrf"), r.token(), now);
        if (forged != null) {
            LOG.warn("acknowledgement refused reason=\"{}\" alert={} to={}", forged, page.alert().id(), token.recipient());
            return refused(403, "Not acknowledged", "The form could not be checked: " + forged + ". Open the link from the "
                    + "email and submit the form there.");
        }
        boolean hold = "hold".equals(r.form().get("action")) && page.owner();
        String comment = r.form().get("comment");
        Acknowledging.Result done = new Acknowledging(ds).acknowledgeItem(page.alert().id(),
                new Acknowledging.Who(page.person().name(), token.recipient(), "link"), comment, now);
        HoldBack.Outcome held = hold ? holdBack.hold(page.alert(), page.person(), token.recipient(),
                Acknowledging.comment(comment), now, clock.getZone()) : null;
        LOG.info("acknowledged alert={} by={} via=link added={} held_back={}", page.alert().id(), token.recipient(),
                done.addedAny(), held == null ? "no" : held.describe());
        return new Response(200, view.done(cfg, page, done, held, mine(page.alert(), token)));
    }

    /** The acknowledgements this recipient made of the alert, oldest first. */
    private List<Acknowledgement> mine(StoredAlert alert, AckToken token) {
        return new AckStore(ds).forAlert(alert.id()).stream()
                .filter(k -> !k.carried() && token.recipient().equalsIgnoreCase(k.email())).toList();
    }

    /** A POST another site's page made: the browser says so (Sec-Fetch-Site) or names another origin. */
    private String crossSite(Request r) {
        if (r.fetchSite() != null && (r.fetchSite().equalsIgnoreCase("cross-site") || r.fetchSite().equalsIgnoreCase("same-site")))
            return "it was sent from another site";
        // no Origin, or "null" (some browsers' privacy settings): the anti-forgery value alone decides
        if (r.origin() == null || r.origin().isBlank() || r.origin().equals("null")) return null;
        String base = links.baseUrl();
        int path = base.indexOf('/', base.indexOf("//") + 2);
        String own = path < 0 ? base : base.substring(0, path);
        return r.origin().equalsIgnoreCase(own) ? null : "it was sent from " + r.origin() + ", not from " + own;
    }

    private Response refused(int status, String title, String message) {
        return new Response(status, view.refused(title, message));
    }
}
