package org.perfalert.pull;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.perfalert.notify.MailComposer;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.RenderedEmail;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The email to the analysts (people.yaml {@code analysts:}) when a source has failed several times in a
 * row: which source, where it is, and why. Written to the outbox in one transaction; the outbox sends it.
 */
public final class FailureNotice {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final DataSource ds;
    private final Supplier<List<String>> analysts;
    private final String from;

    public FailureNotice(DataSource ds, List<String> analysts, String from) {
        this(ds, () -> analysts, from);
    }

    /** analysts is asked at each notice, so a reloaded people.yaml is followed. */
    public FailureNotice(DataSource ds, Supplier<List<String>> analysts, String from) {
        this.ds = ds;
        this.analysts = analysts;
        this.from = from;
    }

    /** Queues one email per analyst; returns how many were queued (0 when people.yaml names no analysts). */
    public int queue(Source source, SourceState state, String runId, Instant now) {
        List<String> recipients = List.copyOf(analysts.get());
        if (recipients.isEmpty()) return 0;
        String subject = "perfalert: source " + source.name() + " has failed " + state.failures() + " times in a row";
        String text = String.join("\n",
                "The " + source.kind().id() + " source \"" + source.name() + "\" (" + source.where() + ") has failed "
                        + state.failures() + " times in a row; its figures are not being loaded.",
                "",
                "Last error (" + WHEN.format(state.lastFailure()) + "): " + state.lastError(),
                state.lastSuccess() == null ? "It has not been pulled successfully yet."
                        : "Last good pull: " + WHEN.format(state.lastSuccess()) + ".",
                "",
                "perfalert tries again at the next scheduled time (" + source.schedule() + ", Europe/London) and will not",
                "email again until the source has worked once. To try now: perfalert pull --source " + source.name(),
                "The sources are declared in config/sources.yaml (see docs/sources.md).");
        String html = "<pre>" + escape(text) + "</pre>";
        List<RenderedEmail> mails = new java.util.ArrayList<>();
        for (String to : recipients) {
            String messageId = "<" + UUID.randomUUID() + ".pull@" + from.substring(from.indexOf('@') + 1) + ">";
            mails.add(new RenderedEmail(to, subject, messageId, MailComposer.mime(address(from), address(to), subject, text, html, Map.of(), messageId, now)));
        }
        new Outbox(ds).enqueueAll(runId, mails, now);
        return recipients.size();
    }

    private static InternetAddress address(String a) {
        try {
            return new InternetAddress(a, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address: " + a, e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
