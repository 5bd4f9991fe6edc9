package org.perfalert.alerts;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.alerts.StageFixtures.FEB;
import static org.perfalert.alerts.StageFixtures.MAR;
import static org.perfalert.model.Direction.*;
import static org.perfalert.model.Severity.*;

/**
 * The dry run (perfalert recipients) plans a stored month with the same stages the real run sent it with: for every
 * policy, each lead's email holds the same alerts in both, and the same number wait for the digest.
 */
class EmailPlanAgreementTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "policy [{0}]")
    @ValueSource(strings = {
            "",                                                              // the default policy
            "notify.email.max.items=1\n",                                    // a tight limit: items wait for the digest
            "notify.email.statuses=new,continuing\nnotify.email.severities=high,medium,low\nnotify.email.directions=concern,improvement\n",
    })
    void theRecipientsDryRunPlansWhatTheRunSent(String policy) throws Exception {
        Configuration config = config(dir.resolve("config"), policy);
        DataSource ds = h2();
        TestClock clock = new TestClock(Instant.parse("2025-04-02T08:00:00Z"));
        AlertStages stages = new AlertStages(ds, config, clock);
        Set<SeriesKey> evaluated = new HashSet<>(series("burglary", "Cambridgeshire", "Fenland", "Peterborough", "Cambridge"));
        evaluated.addAll(series("robbery", "Cambridgeshire", "Fenland", "Cambridge"));
        raise(stages, FEB, List.of(exception("exceptional-high", "burglary", "Fenland", FEB, HIGH, CONCERN, 41),
                exception("sustained-rise", "robbery", "Cambridgeshire", FEB, MEDIUM, CONCERN, 70)), evaluated, "feb");
        new SilenceStore(ds).add("robbery", "Cambridge", "*", LocalDate.of(2025, 4, 30), "data fault", "ana", clock.instant());
        List<PerformanceException> march = List.of(
                exception("exceptional-high", "burglary", "Fenland", MAR, HIGH, CONCERN, 44),           // continuing
                exception("year-on-year-rise", "burglary", "Peterborough", MAR, MEDIUM, CONCERN, 30),   // new: emailed
                exception("spc-outside-limits", "burglary", "Peterborough", MAR, MEDIUM, CONCERN, 30),  // folded into it
                exception("twelve-month-low", "burglary", "Cambridge", MAR, LOW, IMPROVEMENT, 3),
                exception("threshold-above", "robbery", "Cambridge", MAR, HIGH, CONCERN, 25),           // silenced
                exception("sustained-rise", "robbery", "Cambridgeshire", MAR, MEDIUM, CONCERN, 72),     // continuing
                exception("exceptional-high", "robbery", "Fenland", MAR, HIGH, CONCERN, 12),            // new: emailed
                exception("twelve-month-high", "robbery", "Fenland", MAR, HIGH, CONCERN, 12));          // folded into it

        RunSummary sent = raise(stages, MAR, march, evaluated, "mar");
        EmailPlan planned = EmailPlanner.of(config).planStored(ds, MAR, LocalDate.ofInstant(clock.instant(), clock.getZone()));

        Map<String, Set<Long>> plannedEmails = new TreeMap<>();
        planned.emails().forEach(e -> plannedEmails.put(e.lead().email(), ids(e.items())));
        assertThat(plannedEmails).isNotEmpty().isEqualTo(emailsOfRun(ds, "mar"));
        assertThat(planned.itemsPerEmail()).isEqualTo(sent.itemsPerEmail());
        assertThat(planned.heldForDigest()).isEqualTo(sent.heldForDigest());
        // every rule that holds for an emailed figure is folded into its item (SIGNALS.md 4)
        assertThat(planned.emails()).flatExtracting(EmailPlan.LeadEmail::items).allSatisfy(i -> assertThat(i.also()).isNotEmpty());
    }

    private static Set<Long> ids(List<AlertItem> items) {
        Set<Long> out = new TreeSet<>();
        items.forEach(i -> i.withFolded().forEach(f -> out.add(f.alertId())));
        return out;
    }

    /** What the run queued: per recipient, the alerts its email carries (from the delivery records). */
    private static Map<String, Set<Long>> emailsOfRun(DataSource ds, String runId) throws Exception {
        Map<Long, String> recipients = new HashMap<>();
        for (OutboxEntry e : new Outbox(ds).all()) if (e.runId().equals(runId)) recipients.put(e.id(), e.recipient());
        Map<String, Set<Long>> out = new TreeMap<>();
        try (var c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT outbox_id, alert_id FROM alert_delivery")) {
            while (rs.next()) {
                String to = recipients.get(rs.getLong(1));
                if (to != null) out.computeIfAbsent(to, k -> new TreeSet<>()).add(rs.getLong(2));
            }
        }
        return out;
    }
}
