package org.perfalert.service;

import org.perfalert.notify.Mailer;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.RenderedEmail;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analysts' notices, sent through the outbox like every other email: a change to rules/ or config/ kept out
 * (template rules-not-applied), and a rule stopped for going over its budget (template rule-stopped).
 */
final class AnalystNotices implements LiveRules.AnalystAlarm {
    private final Outbox outbox;
    private final Mailer mailer;
    private final Clock clock;

    AnalystNotices(Outbox outbox, Mailer mailer, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public void brokenVersion(List<String> analysts, String hash, List<String> problems) {
        send(analysts, "reload-" + hash, "perfalert: rule or configuration change not applied (version " + hash + ")",
                "rules-not-applied", Map.of("version", hash, "problems", problems));
    }

    /** A rule of the version in force was stopped; what says which, when and why. */
    void ruleStopped(List<String> analysts, String hash, String what, Supplier<Integer> owed) {
        send(analysts, "stopped-" + hash, "perfalert: a rule was stopped, evaluation waits for a corrected rule (version " + hash + ")",
                "rule-stopped", Map.of("version", hash, "what", what, "owed", owed.get()));
    }

    private void send(List<String> analysts, String runId, String subject, String template, Map<String, Object> model) {
        if (analysts.isEmpty()) {
            LoggerFactory.getLogger("perfalert.reload").warn("no analysts in people.yaml to tell: {}", subject);
            return;
        }
        List<RenderedEmail> mails = analysts.stream().map(to -> mailer.to(to, null, "people.yaml analysts")
                .compose(subject, template, model, clock.instant())).toList();
        outbox.enqueueAll(runId, mails, clock.instant());
    }
}
