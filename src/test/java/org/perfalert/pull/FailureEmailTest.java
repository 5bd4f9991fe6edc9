package org.perfalert.pull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.notify.Backoff;
import org.perfalert.notify.FileTransport;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.notify.OutboxSender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A source failing again and again: the analysts hear once, at the third failure in a row, through the outbox. */
class FailureEmailTest {
    @TempDir Path dir;

    @Test
    void threeFailuresInARowSendTheAnalystsOneEmailSayingWhichSourceAndWhy() throws Exception {
        try (LoopbackServer server = new LoopbackServer(); PullFixture f = new PullFixture(dir, Map.of("KEY", LoopbackServer.KEY))) {
            server.put("/figures.csv", new LoopbackServer.Answer(500, "text/plain", "oops".getBytes()));
            Source source = f.source("sources:\n  - name: open-data\n    kind: http\n    schedule: \"0 30 6 * * ?\"\n    url: "
                    + server.url("/figures.csv") + "\n    headers: { " + LoopbackServer.KEY_HEADER + ": { env: KEY } }\n");

            f.puller.pull(source);
            f.puller.pull(source);
            assertThat(f.outbox()).as("two failures: nobody told yet").isEmpty();
            f.puller.pull(source);
            f.puller.pull(source);
            f.puller.pull(source);

            List<OutboxEntry> queued = f.outbox();
            assertThat(queued).extracting(OutboxEntry::recipient).containsExactlyElementsOf(f.cfg.people().analysts());
            assertThat(f.health.state("open-data").failures()).isEqualTo(5);

            Path mailDir = dir.resolve("mail");
            OutboxSender sender = new OutboxSender(new org.perfalert.notify.Outbox(f.store.dataSource()), new FileTransport(mailDir),
                    f.clock, Backoff.DEFAULT);
            assertThat(sender.sendDue().sent()).isEqualTo(1);
            String eml;
            try (Stream<Path> files = Files.list(mailDir)) {
                eml = Files.readString(files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow());
            }
            assertThat(eml).contains("Subject: perfalert: source open-data has failed 3 times in a row")
                    .contains("To: analysts@example.org")
                    .contains(server.url("/figures.csv"))
                    .contains("answered HTTP 500");
        }
    }

    @Test
    void aGoodPullEndsTheRunSoTheNextRunOfThreeFailuresIsToldAgain() throws Exception {
        try (PullFixture f = new PullFixture(dir, Map.of())) {
            Source source = f.source("sources:\n  - name: exports\n    kind: folder\n    dir: " + dir.resolve("drop") + "\n");
            Files.createDirectories(dir.resolve("drop"));
            for (int i = 0; i < 3; i++) {
                Files.writeString(dir.resolve("drop/bad-" + i + ".csv"), "month,metric,area,value\n2026-05,calls_999,Fenland,lots\n");
                assertThat(f.puller.pull(source).ok()).isFalse();
            }
            assertThat(f.outbox()).hasSize(1);
            assertThat(dir.resolve("drop/rejected/bad-0.csv")).exists();
            assertThat(dir.resolve("drop/rejected/bad-0.csv.report.txt")).content().contains("\"lots\" is not a number");

            Files.writeString(dir.resolve("drop/good.csv"), "month,metric,area,value\n2026-05,calls_999,Fenland,12\n");
            assertThat(f.puller.pull(source).ok()).isTrue();
            assertThat(dir.resolve("drop/processed/good.csv")).exists();
            assertThat(f.health.state("exports").failures()).isZero();

            for (int i = 3; i < 6; i++) {
                Files.writeString(dir.resolve("drop/bad-" + i + ".csv"), "month,metric,area,value\n2026-05,calls_999,Fenland,lots\n");
                f.puller.pull(source);
            }
            assertThat(f.outbox()).hasSize(2);
        }
    }

    @Test
    void theCountSurvivesARestartSoTheAnalystsAreNotToldTwice() throws Exception {
        Path state = dir.resolve("state.json");
        PullHealth before = new PullHealth(state, 3);
        java.time.Instant t = java.time.Instant.parse("2026-06-15T10:00:00Z");
        before.record("warehouse", false, "down", t);
        before.record("warehouse", false, "down", t);
        assertThat(before.record("warehouse", false, "down", t)).isTrue();

        PullHealth after = new PullHealth(state, 3);
        assertThat(after.state("warehouse").failures()).isEqualTo(3);
        assertThat(after.record("warehouse", false, "still down", t)).isFalse();
    }
}
