package org.perfalert.alerts;

import org.perfalert.store.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one way an exception is acknowledged: the {@code ack} command, the page behind an email's "Acknowledge" link
 * and a reply by email all come here, so they record the same thing and the digest shows them alike. Idempotent: the
 * same person acknowledging the same alert with the same comment again adds nothing (a link used twice, a reply
 * delivered twice).
 */
public final class Acknowledging {
    /** The longest comment kept (the column's size); longer ones are cut with "…". */
    public static final int MAX_COMMENT = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]|[\\u2028\\u2029\\u0085]");

    private final AckStore acks;
    private final AlertStore alerts;
    private final DataSource ds;

    public Acknowledging(DataSource ds) {
        this.ds = ds;
        this.acks = new AckStore(ds);
        this.alerts = new AlertStore(ds);
    }

    /**
     * Who acknowledges.
     *
     * @param name  as the digest shows it (the name in people.yaml, or what --by says)
     * @param email the address, when known (null for the command)
     * @param via   "command", "link" or "reply"
     */
    public record Who(String name, String email, String via) { }

    /** What acknowledging did: the acknowledgements added, and those that already said the same (nothing added). */
    public record Result(List<Acknowledgement> added, List<Acknowledgement> already) {
        public boolean addedAny() { return !added.isEmpty(); }
    }

    /** The alert is not (or no longer) in the store. */
    public static final class NoSuchAlert extends RuntimeException {
        public NoSuchAlert(long id) { super("there is no exception " + id + " in the store"); }
    }

    /** Acknowledges an alert in a transaction of its own. */
    public Result acknowledge(long alertId, Who who, String comment, Instant now) {
        return Transactions.write(ds, "acknowledge alert " + alertId, c -> acknowledge(c, alertId, who, comment, now));
    }

    /**
     * Acknowledges an email's item by the alert its link names: that alert and every alert folded into the same item
     * of the emails to who.email() (SIGNALS.md 4), in one transaction.
     */
    public Result acknowledgeItem(long alertId, Who who, String comment, Instant now) {
        return Transactions.write(ds, "acknowledge the item of alert " + alertId, c -> {
            Result first = acknowledge(c, alertId, who, comment, now);
            List<Acknowledgement> added = new java.util.ArrayList<>(first.added()), already = new java.util.ArrayList<>(first.already());
            if (who.email() != null)
                for (long folded : alerts.foldedWith(c, alertId, who.email())) {
                    Result r = acknowledge(c, folded, who, comment, now);
                    added.addAll(r.added());
                    already.addAll(r.already());
                }
            return new Result(List.copyOf(added), List.copyOf(already));
        });
    }

    /** Acknowledges an alert in the caller's transaction (a reply is recorded as read in the same one). */
    public Result acknowledge(Connection c, long alertId, Who who, String comment, Instant now) {
        StoredAlert alert = alerts.find(c, alertId).orElseThrow(() -> new NoSuchAlert(alertId));
        String text = comment(comment);
        List<Acknowledgement> earlier = acks.forAlert(c, alertId).stream().filter(k -> !k.carried() && samePerson(k, who)).toList();
        if (!earlier.isEmpty() && Objects.equals(earlier.get(earlier.size() - 1).comment(), text))
            return new Result(List.of(), List.of(earlier.get(earlier.size() - 1)));
        return new Result(List.of(acks.insert(c, alert, who, text, now, null)), List.of());
    }

    /**
     * A comment as it is kept: line breaks made \n, other control characters dropped, blank as none, at most
     * {@link #MAX_COMMENT} characters. It is text, never markup: every page and email escapes it.
     */
    public static String comment(String raw) {
        if (raw == null) return null;
        String s = CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')).replaceAll("").strip();
        if (s.isEmpty()) return null;
        return s.length() <= MAX_COMMENT ? s : s.substring(0, MAX_COMMENT - 1) + "\u2026";
    }

    private static boolean samePerson(Acknowledgement k, Who who) {
        if (who.email() != null && k.email() != null) return who.email().equalsIgnoreCase(k.email());
        return who.email() == null && k.email() == null && who.name().equals(k.by());
    }
}
