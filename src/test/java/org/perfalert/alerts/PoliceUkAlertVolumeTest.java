package org.perfalert.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.evaluate.Evaluation;
import org.perfalert.evaluate.RunEvaluator;
import org.perfalert.notify.*;
import org.perfalert.rules.Evaluator;
import org.slf4j.LoggerFactory;
import org.perfalert.fixtures.StandardRules;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.*;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 24 police.uk sample months, evaluated by the real rules one month after another as they would arrive,
 * through the alert store, routing and the default policy to .eml files: how much mail that makes.
 * Writes a table to the test log (month, exceptions, new, emails, items per email median/max, held for the digest).
 */
class PoliceUkAlertVolumeTest {
    @TempDir Path dir;

    @Test
    void monthByMonthTheDefaultPolicyKeepsEmailsShort() throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Configuration config = ConfigLoader.load(repo.resolve("config"));
        List<Observation> observations = ObservationReader.readAll(List.of(repo.resolve("samples/policeuk/street")), config);
        Evaluator evaluator = new Evaluator(StandardRules.pack(), config.catalogue(), config.areas(), p -> { });
        RunEvaluator run = new RunEvaluator(evaluator, observations);   // the history built once, as a run does
        DataSource ds = AlertTestSupport.h2();
        AlertTestSupport.TestClock clock = new AlertTestSupport.TestClock(Instant.parse("2026-01-05T07:00:00Z"));
        AlertStages stages = new AlertStages(ds, config, clock);
        Path mailDir = dir.resolve("mail");
        OutboxSender sender = new OutboxSender(new Outbox(ds), new FileTransport(mailDir), clock, Backoff.DEFAULT);
        NotifyPolicy policy = NotifyPolicy.from(config.settings());

        SortedSet<YearMonth> months = observations.stream().map(Observation::month).collect(Collectors.toCollection(TreeSet::new));
        assertThat(months).hasSize(24);
        StringBuilder table = new StringBuilder("month    exceptions  new  emails  items/email median  max  held for digest\n");
        int totalEmails = 0, totalSent = 0;
        for (YearMonth m : months) {
            Evaluation evaluation = run.evaluate(m);
            List<PerformanceException> found = evaluation.findings();
            Set<SeriesKey> evaluated = evaluation.evaluated();
            assertThat(evaluated).containsAll(found.stream().map(PerformanceException::seriesKey).toList());
            RunSummary s = stages.process(evaluation, "policeuk-" + m);
            int sent = sender.sendDue().sent();
            assertThat(sent).isEqualTo(s.emailsQueued());
            assertThat(s.itemsPerEmail()).allSatisfy(n -> assertThat(n).isBetween(1, policy.maxItemsPerEmail()));
            // the same month again: nothing new, nothing sent
            assertThat(stages.process(evaluation, "policeuk-" + m + "-again").emailsQueued()).isZero();
            List<Integer> items = s.itemsPerEmail().stream().sorted().toList();
            table.append(String.format("%s  %10d  %3d  %6d  %18s  %3s  %15d%n", m, found.size(), s.newCount(), s.emailsQueued(),
                    items.isEmpty() ? "-" : String.valueOf(median(items)), items.isEmpty() ? "-" : items.get(items.size() - 1),
                    s.heldForDigest()));
            totalEmails += s.emailsQueued();
            totalSent += sent;
            clock.advance(java.time.Duration.ofDays(30));
        }
        LoggerFactory.getLogger(PoliceUkAlertVolumeTest.class).info("police.uk alert volume by month:\n{}", table);
        long files;
        try (var f = Files.list(mailDir)) { files = f.count(); }
        assertThat(files).isEqualTo(totalEmails).isEqualTo(totalSent);
        assertThat(totalEmails).isPositive();
    }

    static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
