package org.perfalert.alerts;

import org.perfalert.config.Catalogue;
import org.perfalert.config.Configuration;
import org.perfalert.config.People;
import org.perfalert.links.AckToken;
import org.perfalert.links.LinkSettings;
import org.perfalert.model.Metric;
import org.perfalert.notify.ReplyMailbox;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a lead's email carries for acknowledging (docs/acknowledging.md): per item an "Acknowledge" link and, on the
 * lead's own series, "Hold back for 4 weeks", both to the service's page with a signed token; and the reply mailbox
 * as Reply-To. Without PERFALERT_LINK_SECRET there are no links, and the log says why once.
 */
public final class AckLinks {
    /** The page's query for the hold-back choice. */
    public static final String HOLD = "?action=hold";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private final LinkSettings links;
    private final Catalogue catalogue;
    private final People people;
    private final String replyTo;

    private AckLinks(LinkSettings links, Catalogue catalogue, People people, String replyTo) {
        this.links = links;
        this.catalogue = catalogue;
        this.people = people;
        this.replyTo = replyTo;
    }

    /** An item's links; empty strings when there are none. */
    public record Item(String acknowledge, String holdBack) {
        static final Item NONE = new Item("", "");
    }

    /** The links of a configuration; a setting that is set but wrong throws IllegalArgumentException naming it. */
    public static AckLinks of(Configuration config) {
        LinkSettings links = LinkSettings.from(config.settings());
        ReplyMailbox mailbox = ReplyMailbox.from(config.settings());
        if (!links.on() && TOLD.compareAndSet(false, true))
            LoggerFactory.getLogger("perfalert.ack").warn("lead emails carry no acknowledge links: {} (see docs/acknowledging.md)",
                    links.whyOff());
        return new AckLinks(links, config.catalogue(), config.people(), mailbox == null ? null : mailbox.address());
    }

    /** The Reply-To of leads' emails: the mailbox perfalert reads, or null. */
    public String replyTo() { return replyTo; }

    public boolean on() { return links.on(); }

    /** The links for one alert in the email to one recipient, valid for ack.link.days from now. */
    public Item item(AlertItem item, String recipient, Instant now) {
        if (!links.on() || item.status() == AlertStatus.WITHDRAWN || item.alertId() <= 0) return Item.NONE;
        String page = links.page(new AckToken(item.alertId(), recipient, now.plus(links.validity())).sign(links.signer()));
        return new Item(page, owns(people, catalogue, recipient, item.exception().metric()) ? page + HOLD : "");
    }

    /** Whether the address holds the metric's owner role: the lead's own series, which they may hold back. */
    public static boolean owns(People people, Catalogue catalogue, String address, String metric) {
        String owner = catalogue.find(metric).map(Metric::owner).orElse(null);
        return owner != null && people.holders(owner).stream().anyMatch(p -> p.email().equalsIgnoreCase(address));
    }
}
