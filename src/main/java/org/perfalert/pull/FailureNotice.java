package org.perfalert.pull;

import org.perfalert.notify.Mailer;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.RenderedEmail;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The email to the analysts (people.yaml {@code analysts:}) when a source has failed several times in a
 * row: which source, where it is, and why (template source-failing). Queued in the outbox in one
 * transaction; the outbox sends it.
 */
public final class FailureNotice {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final Outbox outbox;
    private final Supplier<List<String>> analysts;
    private final Mailer mailer;

    /** analysts is asked at each notice, so a reloaded people.yaml is followed. */
    public FailureNotice(DataSource ds, Supplier<List<String>> analysts, Mailer mailer) {
        this.outbox = new Outbox(ds);
        this.analysts = analysts;
        this.mailer = mailer;
    }

    /** Queues one email per analyst; returns how many were queued (0 when people.yaml names no analysts). */
    public int queue(Source source, SourceState state, String runId, Instant now) {
        List<String> recipients = List.copyOf(analysts.get());
        if (recipients.isEmpty()) return 0;
        String subject = "perfalert: source " + source.name() + " has failed " + state.failures() + " times in a row";
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", source.kind().id());
        model.put("name", source.name());
        model.put("where", source.where());
        model.put("failures", state.failures());
        model.put("lastFailure", WHEN.format(state.lastFailure()));
        model.put("lastError", String.valueOf(state.lastError()));
        model.put("lastSuccess", state.lastSuccess() == null ? "" : WHEN.format(state.lastSuccess()));
        model.put("schedule", source.schedule());
        List<RenderedEmail> mails = recipients.stream()
                .map(to -> mailer.to(to, null, "people.yaml analysts").compose(subject, "source-failing", model, now)).toList();
        outbox.enqueueAll(runId, mails, now);
        return recipients.size();
    }
}
