package org.perfalert.alerts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;
import static org.perfalert.model.Severity.MEDIUM;

/**
 * The one way to acknowledge (idempotent), and an acknowledgement holding while the exception continues: carried to
 * the next months' rows and no reminder emailed, even under a policy that emails continuing exceptions.
 */
class AcknowledgingTest {
    static final YearMonth FEB = YearMonth.of(2025, 2), MAR = FEB.plusMonths(1), APR = MAR.plusMonths(1);
    @TempDir Path dir;
    DataSource ds;
    Configuration config;
    AlertStages stages;
    TestClock clock = new TestClock(Instant.parse("2025-03-03T08:00:00Z"));
    final Set<SeriesKey> evaluated = new HashSet<>();

    @BeforeEach
    void start() throws Exception {
        config = config(dir.resolve("config"), "notify.email.statuses=new,continuing\n");
        ds = h2();
        stages = new AlertStages(ds, config, clock);
        evaluated.addAll(series("burglary", "Cambridgeshire", "Fenland"));
        evaluated.addAll(series("robbery", "Cambridgeshire"));
    }

    PerformanceException robbery(YearMonth m) { return exception("threshold-above", "robbery", "Cambridgeshire", m, MEDIUM, CONCERN, 77); }

    PerformanceException burglary(YearMonth m) { return exception("exceptional-high", "burglary", "Fenland", m, HIGH, CONCERN, 41); }

    long id(YearMonth m, String metric) {
        return new AlertStore(ds).forMonth(m).stream().filter(a -> a.series().metric().equals(metric)).findFirst().orElseThrow().id();
    }

    @Test
    void theSamePersonSayingTheSameAgainAddsNothingAndANewCommentIsKept() {
        raise(stages, FEB, List.of(robbery(FEB)), evaluated, "feb");
        Acknowledging ack = new Acknowledging(ds);
        Acknowledging.Who cris = new Acknowledging.Who("Cris Crime", "cris@example.org", "link");
        long alert = id(FEB, "robbery");
        assertThat(ack.acknowledge(alert, cris, "  one prolific offender\r\n", clock.instant()).addedAny()).isTrue();
        assertThat(ack.acknowledge(alert, new Acknowledging.Who("Cris", "CRIS@example.org", "reply"), "one prolific offender",
                clock.instant()).addedAny()).as("same address, same comment").isFalse();
        assertThat(ack.acknowledge(alert, cris, "arrested 3 March", clock.instant()).addedAny()).isTrue();
        assertThat(ack.acknowledge(alert, new Acknowledging.Who("Cris Crime", null, "command"), "arrested 3 March", clock.instant())
                .addedAny()).as("the command names a person, not an address").isTrue();
        assertThat(new AckStore(ds).forAlert(alert)).extracting(Acknowledgement::comment)
                .containsExactly("one prolific offender", "arrested 3 March", "arrested 3 March");
        assertThatThrownBy(() -> ack.acknowledge(424242, cris, "x", clock.instant())).isInstanceOf(Acknowledging.NoSuchAlert.class);
    }

    @Test
    void acknowledgingAnItemAcknowledgesEveryAlertFoldedIntoIt() {
        // robbery at the force and in Fenland, and a section-5 rule on the force figure: one item for Cris (the robbery owner)
        evaluated.addAll(series("robbery", "Fenland"));
        PerformanceException fenland = exception("exceptional-high", "robbery", "Fenland", FEB, HIGH, CONCERN, 12);
        PerformanceException high = exception("twelve-month-high", "robbery", "Cambridgeshire", FEB, HIGH, CONCERN, 77);
        raise(stages, FEB, List.of(robbery(FEB), fenland, high), evaluated, "feb");
        Map<String, Long> ids = new HashMap<>();
        new AlertStore(ds).forMonth(FEB).forEach(a -> ids.put(a.rule() + " " + a.series().area(), a.id()));
        long lead = ids.get("exceptional-high Fenland");   // the lowest level leads the item

        Acknowledging.Result r = new Acknowledging(ds).acknowledgeItem(lead, new Acknowledging.Who("Cris Crime", "cris@example.org", "link"),
                "one prolific offender", clock.instant());

        assertThat(r.added()).extracting(Acknowledgement::alertId).containsExactlyInAnyOrder(lead,
                ids.get("threshold-above Cambridgeshire"), ids.get("twelve-month-high Cambridgeshire"));
        // someone who was not emailed that item acknowledges only the alert named
        assertThat(new Acknowledging(ds).acknowledgeItem(ids.get("threshold-above Cambridgeshire"),
                new Acknowledging.Who("Bea", "bea@example.org", "link"), "seen", clock.instant()).added()).hasSize(1);
    }

    @Test
    void commentsAreKeptAsTextOnLinesAndCut() {
        assertThat(Acknowledging.comment("a\r\nb\rc\u0007d\u2028e\tf")).isEqualTo("a\nb\ncde f");
        assertThat(Acknowledging.comment(" \n ")).isNull();
        assertThat(Acknowledging.comment("x".repeat(5000))).hasSize(Acknowledging.MAX_COMMENT).endsWith("\u2026");
    }

    @Test
    void anAcknowledgedExceptionThatContinuesIsNotEmailedAgainAndCarriesItsAcknowledgement() throws Exception {
        assertThat(raise(stages, FEB, List.of(robbery(FEB), burglary(FEB)), evaluated, "feb").emailsQueued()).isEqualTo(3);
        Instant said = clock.instant();
        long feb = id(FEB, "robbery");
        new Acknowledging(ds).acknowledge(feb, new Acknowledging.Who("Cris Crime", "cris@example.org", "link"), "operation Falcon", said);

        clock.advance(Duration.ofDays(30));
        RunSummary mar = raise(stages, MAR, List.of(robbery(MAR), burglary(MAR)), evaluated, "mar");
        assertThat(mar.continuing()).isEqualTo(2);
        long robberyMar = id(MAR, "robbery"), burglaryMar = id(MAR, "burglary");
        assertThat(emailedIn("mar")).as("the unacknowledged one is a reminder; the acknowledged one is not")
                .contains(burglaryMar).doesNotContain(robberyMar);
        assertThat(new AckStore(ds).forAlert(robberyMar)).singleElement().satisfies(k -> {
            assertThat(k.carriedFrom()).isNotNull();
            assertThat(k.by()).isEqualTo("Cris Crime");
            assertThat(k.comment()).isEqualTo("operation Falcon");
            assertThat(k.at()).isEqualTo(said);
        });
        assertThat(EmailPlanner.of(config).planStored(ds, MAR, LocalDate.of(2025, 4, 2)).emails())
                .as("the dry run plans the same").noneMatch(e -> e.items().stream().anyMatch(i -> i.alertId() == robberyMar));

        clock.advance(Duration.ofDays(30));
        raise(stages, APR, List.of(robbery(APR)), evaluated, "apr");
        Acknowledgement apr = new AckStore(ds).forAlert(id(APR, "robbery")).get(0);
        assertThat(apr.carriedFrom()).as("carried from the one a person made").isEqualTo(new AckStore(ds).forAlert(feb).get(0).id());
        assertThat(new AckStore(ds).between(said.minusSeconds(1), clock.instant())).as("made once, however far it is carried").hasSize(1);
    }

    /** The alerts the emails queued by a run show. */
    private Set<Long> emailedIn(String run) throws Exception {
        Set<Long> out = new HashSet<>();
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(
                "SELECT i.alert_id FROM email_item i JOIN outbox o ON o.id = i.outbox_id WHERE o.run_id = ?")) {
            ps.setString(1, run);
            try (var rs = ps.executeQuery()) { while (rs.next()) out.add(rs.getLong(1)); }
        }
        return out;
    }
}
