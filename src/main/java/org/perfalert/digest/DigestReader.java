package org.perfalert.digest;

import org.perfalert.alerts.AckStore;
import org.perfalert.alerts.Acknowledgement;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.Silence;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.model.Direction;
import org.perfalert.model.Severity;
import org.perfalert.store.ObservationStore;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.*;

/**
 * What a week's digest needs, asked of the stages that keep it, without changing anything: the alert rows changed
 * in the week and their acknowledgements (the alert stage's stores), the silences in force during it, and which
 * months of data had arrived by its end (the observation store).
 */
public final class DigestReader {
    private final AlertStore alerts;
    private final AckStore acks;
    private final SilenceStore silences;
    private final ObservationStore observations;

    public DigestReader(DataSource ds) {
        this.alerts = new AlertStore(ds);
        this.acks = new AckStore(ds);
        this.silences = new SilenceStore(ds);
        this.observations = new ObservationStore(ds, Clock.systemUTC());
    }

    /** Alert rows whose last change fell in [from, to), with their latest acknowledgement made before to. */
    public List<WeekAlert> changedBetween(Instant from, Instant to) {
        List<StoredAlert> rows = new ArrayList<>(alerts.changedBetween(from, to));
        rows.sort(Comparator.comparingLong(StoredAlert::id));
        Map<Long, Acknowledgement> acked = acks.latestBefore(rows.stream().map(StoredAlert::id).toList(), to);
        return rows.stream().map(a -> {
            Acknowledgement k = acked.get(a.id());
            return new WeekAlert(a.id(), a.rule(), a.series(), a.month(), a.status(),
                    a.severity() == null ? Severity.LOW : a.severity(), a.direction() == null ? Direction.NEUTRAL : a.direction(),
                    a.headline(), a.evidence(), a.silencedBy(), a.updatedAt(), k == null ? null : k.by(), k == null ? null : k.comment(),
                    a.assessment());
        }).toList();
    }

    /** The acknowledgements people made in [from, to), oldest first, each with the alert row it is about. */
    public List<Map.Entry<Acknowledgement, StoredAlert>> acknowledgementsBetween(Instant from, Instant to) {
        List<Map.Entry<Acknowledgement, StoredAlert>> out = new ArrayList<>();
        for (Acknowledgement k : acks.between(from, to))
            alerts.find(String.valueOf(k.alertId())).ifPresent(a -> out.add(Map.entry(k, a)));
        return out;
    }

    /** Silences in force at some time in [from, to): made before its end and not ended before its start. */
    public List<Silence> silencesDuring(Instant from, Instant to, ZoneId zone) {
        LocalDate firstDay = LocalDate.ofInstant(from, zone);
        return silences.all().stream().filter(s -> s.createdAt().isBefore(to) && !s.endsOn().isBefore(firstDay)).toList();
    }

    /** The latest month of data loaded before the instant, if any. */
    public Optional<YearMonth> latestMonthLoadedBefore(Instant to) { return observations.latestMonthLoadedBefore(to); }

    /** For every metric with any data: the latest month it has a figure for (any area), up to the month given. */
    public Map<String, YearMonth> lastMonthByMetric(YearMonth upTo) { return observations.lastMonthByMetric(upTo); }
}
