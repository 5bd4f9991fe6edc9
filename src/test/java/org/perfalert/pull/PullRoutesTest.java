package org.perfalert.pull;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.ingest.TestConfig;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes in routes/pull-*.camel.yaml in a real Camel context: sources become due on their cron, are
 * pulled, loaded and handed on for evaluation; a failing source shows on the health check.
 */
class PullRoutesTest {
    @TempDir Path dir;

    /** A clock a minute further on at each reading, so every look of the routes finds an every-second cron due. */
    static final class MinutePerLook extends Clock {
        private Instant now = Instant.parse("2026-06-15T10:00:00Z");

        @Override public synchronized Instant instant() { return now = now.plus(Duration.ofMinutes(1)); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    /** What the pipeline's bean would be handed: the pulls that changed figures. */
    public record HandedOn(BlockingQueue<PullResult> results) {
        public void evaluatePulled(PullResult r) { results.add(r); }
    }

    @Test
    void dueSourcesArePulledLoadedAndEvaluatedAndAFailingSourceShowsOnTheHealthCheck() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Files.writeString(drop.resolve("2026-05-figures.csv"), "month,metric,area,value\n2026-05,calls_999,Fenland,321\n");
        Clock clock = new MinutePerLook();
        BlockingQueue<PullResult> evaluated = new LinkedBlockingQueue<>();
        try (PullFixture f = new PullFixture(dir, Map.of())) {
            List<Source> sources = f.sources("sources:\n"
                    + "  - { name: drop, kind: folder, dir: '" + drop + "', schedule: '* * * * * ?' }\n"
                    + "  - { name: broken, kind: http, url: 'http://127.0.0.1:1/figures.csv', schedule: '* * * * * ?', connect_timeout_seconds: 2 }\n");
            PullSteps steps = new PullSteps(new PullSchedule(sources, clock, Instant.parse("2026-06-15T09:00:00Z")), f.puller);

            Main main = new Main();
            Path routes = TestConfig.repo().resolve("routes").toAbsolutePath();
            main.configure().withRoutesIncludePattern("file:" + routes + "/pull.camel.yaml,file:" + routes + "/errors.camel.yaml");
            main.configure().setJmxEnabled(false);
            main.bind(Pulling.BEAN, steps);
            main.bind(Pulling.HEALTH_BEAN, new PullHealthCheck(sources, f.health));
            main.bind("pipeline", new HandedOn(evaluated));   // stands in for the pipeline the service binds
            Properties p = new Properties();
            p.setProperty("pull.tick.ms", "20");
            main.setInitialProperties(p);
            main.start();
            try {
                CamelContext camel = main.getCamelContext();
                assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("pull-sql", "pull-http", "pull-folder");

                PullResult r = evaluated.poll(30, TimeUnit.SECONDS);
                assertThat(r).as("the folder source was pulled and handed on for evaluation").isNotNull();
                assertThat(r.source().name()).isEqualTo("drop");
                assertThat(r.touchedMonths()).containsExactly(YearMonth.of(2026, 5));
                assertThat(f.store.observations().all()).containsExactly(
                        new Observation(YearMonth.of(2026, 5), "calls_999", AreaType.DISTRICT, "Fenland", 321, null, null));
                assertThat(drop.resolve("processed/2026-05-figures.csv")).exists();

                // The broken source fails at every look; the third failure in a row queues the analysts' email.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (f.outbox().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
                assertThat(f.health.state("broken").failures()).isGreaterThanOrEqualTo(3);
                HealthCheck.Result health = HealthCheckHelper.invoke(camel).stream()
                        .filter(h -> h.getCheck().getId().equals(PullHealthCheck.ID)).findFirst().orElseThrow();
                assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("broken").contains("refused the connection"));
                assertThat(health.getDetails()).containsEntry("source.drop.failures", 0);
                assertThat(f.outbox()).as("one email to the analysts however often it failed").hasSize(1);
                assertThat(evaluated).as("a folder with nothing new evaluates nothing").isEmpty();
            } finally {
                main.stop();
            }
        }
    }
}
