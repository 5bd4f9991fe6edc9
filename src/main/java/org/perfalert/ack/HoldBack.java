package org.perfalert.ack;

import org.perfalert.alerts.Silence;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.Person;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * "Hold back for 4 weeks": a silence on the exception's series (its metric and area, every rule) for 28 days, set by
 * the lead, so it shows in {@code perfalert silence list} and the digest like any other. Asking twice adds no second one.
 */
final class HoldBack {
    static final int DAYS = 28;
    private final SilenceStore silences;

    HoldBack(DataSource ds) { this.silences = new SilenceStore(ds); }

    /** The silence holding the series back, and whether this request made it. */
    record Outcome(Silence silence, boolean added) {
        String describe() { return "silence-" + silence.id() + (added ? "" : "-already"); }
    }

    Outcome hold(StoredAlert alert, Person person, String email, String comment, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone), until = today.plusDays(DAYS);
        String metric = alert.series().metric(), area = alert.series().area(), by = person.name() + " <" + email + ">";
        Optional<Silence> same = silences.activeOn(today).stream().filter(s -> s.metricPattern().equals(metric)
                && s.areaPattern().equals(area) && s.rulePattern().equals("*") && s.createdBy().equalsIgnoreCase(by)
                && !s.endsOn().isBefore(until.minusDays(1))).findFirst();
        if (same.isPresent()) return new Outcome(same.get(), false);
        String reason = "held back for 4 weeks by the lead from the email about alert " + alert.id()
                + (comment == null ? "" : ": " + comment.replace('\n', ' '));
        return new Outcome(silences.add(metric, area, "*", until, reason.length() > 1000 ? reason.substring(0, 999) + "\u2026" : reason,
                by, now), true);
    }
}
