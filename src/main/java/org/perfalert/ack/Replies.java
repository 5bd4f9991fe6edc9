package org.perfalert.ack;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.perfalert.alerts.Acknowledging;
import org.perfalert.alerts.AlertStatus;
import org.perfalert.alerts.AlertStore;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.notify.Outbox;
import org.perfalert.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.*;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one reply from the mailbox: it answers a lead's email (its In-Reply-To or References name that email's
 * Message-ID), comes from the person the email went to, that person is in people.yaml, and its first line starts with
 * "ack" ({@link ReplyParser}); then every item of the email, or those it names, is acknowledged. Anything else is
 * refused with the reason. Each message counts once, also across restarts (reply_seen, in the same transaction as
 * the acknowledgements).
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.ack");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,400}>");

    private final DataSource ds;
    private final Supplier<Configuration> config;
    private final Clock clock;
    private final ReplyLog log = new ReplyLog();

    public Replies(DataSource ds, Supplier<Configuration> config, Clock clock) {
        this.ds = ds;
        this.config = config;
        this.clock = clock;
    }

    public enum Outcome { ACKNOWLEDGED, REFUSED, ALREADY_READ }

    /** What came of one reply: how many alerts it acknowledged, and why it was refused (or what it left out). */
    public record Result(Outcome outcome, String reason, int acknowledged) {
        static Result refused(String reason) { return new Result(Outcome.REFUSED, reason, 0); }
    }

    public Result read(Message message) throws MessagingException, IOException {
        String key = key(message);
        String sender = sender(message);
        String text = MailText.of(message);
        List<String> refs = references(message);
        Instant now = clock.instant();
        Result r = Transactions.write(ds, "read reply " + key, c -> {
            if (log.seen(c, key)) return new Result(Outcome.ALREADY_READ, "read before", 0);
            Optional<Outbox.Addressed> email = answered(c, refs);
            Result result = email.isEmpty() ? Result.refused("it does not answer an email perfalert sent")
                    : acknowledge(c, email.get(), sender, text, now);
            log.record(c, key, sender, email.map(Outbox.Addressed::id).orElse(null), result, now);
            return result;
        });
        if (r.outcome() == Outcome.REFUSED) LOG.warn("reply refused from={} message={} reason=\"{}\"", sender, key, r.reason());
        else LOG.info("reply {} from={} message={} acknowledged={}{}", r.outcome() == Outcome.ALREADY_READ ? "already read" : "read",
                sender, key, r.acknowledged(), r.reason() == null ? "" : " note=\"" + r.reason() + "\"");
        return r;
    }

    private Result acknowledge(java.sql.Connection c, Outbox.Addressed email, String sender, String text, Instant now) {
        AlertStore alerts = new AlertStore(ds);
        List<AlertStore.EmailItem> items = alerts.emailItems(c, email.id());
        if (items.isEmpty()) return Result.refused("it answers an email that is not a lead's exception email");
        if (sender == null) return Result.refused("it has no single sender address");
        Optional<Person> person = People.find(config.get().people(), sender);
        if (person.isEmpty()) return Result.refused(sender + " is not in people.yaml");
        if (!sender.equalsIgnoreCase(email.recipient()))
            return Result.refused(sender + " was not sent that email (it went to " + email.recipient() + ")");
        Optional<ReplyParser.Command> command = ReplyParser.parse(text);
        if (command.isEmpty()) return Result.refused("its first line does not start with \"ack\"");

        SortedSet<Integer> numbers = new TreeSet<>(), unknown = new TreeSet<>(command.get().items());
        items.forEach(i -> numbers.add(i.number()));
        unknown.removeAll(numbers);
        List<String> notes = new ArrayList<>();
        if (!unknown.isEmpty()) notes.add("no item " + join(unknown) + " in that email (it has 1 to " + numbers.last() + ")");
        Acknowledging acknowledging = new Acknowledging(ds);
        int done = 0;
        for (AlertStore.EmailItem item : items) {
            if (!command.get().items().isEmpty() && !command.get().items().contains(item.number())) continue;
            var alert = alerts.find(c, item.alertId());
            if (alert.isEmpty() || alert.get().status() == AlertStatus.WITHDRAWN) {
                notes.add("item " + item.number() + (alert.isEmpty() ? " is no longer held" : " was withdrawn"));
                continue;
            }
            acknowledging.acknowledge(c, item.alertId(), new Acknowledging.Who(person.get().name(), sender, "reply"),
                    command.get().comment(), now);
            done++;
        }
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        return done == 0 ? Result.refused(note == null ? "nothing to acknowledge" : note) : new Result(Outcome.ACKNOWLEDGED, note, done);
    }

    /** The lead's email the reply answers: In-Reply-To first, then References from the nearest. */
    private static Optional<Outbox.Addressed> answered(java.sql.Connection c, List<String> refs) {
        Outbox outbox = new Outbox(null);
        for (String id : refs) {
            Optional<Outbox.Addressed> found = outbox.byMessageId(c, id);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    static List<String> references(Message m) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String h : List.of("In-Reply-To", "References")) {
            String[] values = m.getHeader(h);
            if (values == null) continue;
            List<String> ids = new ArrayList<>();
            for (String v : values) { Matcher x = MESSAGE_ID.matcher(v); while (x.find()) ids.add(x.group()); }
            if (h.equals("References")) Collections.reverse(ids);   // the last is the email answered
            out.addAll(ids);
        }
        return out.stream().distinct().toList();
    }

    private static String sender(Message m) throws MessagingException {
        var from = m.getFrom();
        return from != null && from.length == 1 && from[0] instanceof InternetAddress a && a.getAddress() != null
                ? a.getAddress().trim() : null;
    }

    /** The reply's Message-ID, or a digest of the whole message when it has none (or an absurd one). */
    static String key(Message m) throws MessagingException, IOException {
        String[] id = m.getHeader("Message-ID");
        if (id != null && id.length == 1 && MESSAGE_ID.matcher(id[0].trim()).matches()) return id[0].trim();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(Collection<Integer> n) { return String.join(", ", n.stream().map(String::valueOf).toList()); }
}
