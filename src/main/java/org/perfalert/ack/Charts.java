package org.perfalert.ack;

import org.perfalert.alerts.ChartRenderer;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.Configuration;
import org.perfalert.model.Metric;
import org.perfalert.rules.SeriesBuilder;
import org.perfalert.store.ObservationStore;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.YearMonth;

/** The chart the email showed for an exception: its series' 24 months to its month, drawn from the stored figures. */
final class Charts {
    private final ObservationStore observations;

    Charts(DataSource ds) { this.observations = new ObservationStore(ds, Clock.systemUTC()); }

    /** The PNG, or null when there are no figures to draw. */
    byte[] png(Configuration config, StoredAlert alert) {
        YearMonth to = alert.month(), from = to.minusMonths(ChartRenderer.MONTHS - 1);
        // the whole metric, so area and force totals are derived from the districts as the rules saw them
        SeriesBuilder history = new SeriesBuilder(observations.ofMetric(alert.series().metric(), from, to), config.catalogue(),
                config.areas());
        return ChartRenderer.png(title(config, alert), history.values(alert.series(), from, to), to);
    }

    static String title(Configuration config, StoredAlert alert) {
        return config.catalogue().find(alert.series().metric()).map(Metric::label).orElse(alert.series().metric())
                + " \u2014 " + alert.series().area();
    }
}
