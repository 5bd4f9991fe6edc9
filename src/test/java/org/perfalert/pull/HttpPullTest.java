package org.perfalert.pull;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.ingest.TestConfig;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Web endpoints pulled over HTTP: a real server on loopback serving tidy CSV, JSON and a police.uk street file. */
class HttpPullTest {
    static final String KEY_ENV = "OPEN_DATA_API_KEY";

    @TempDir Path dir;
    LoopbackServer server;
    PullFixture f;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        f = new PullFixture(dir, Map.of(KEY_ENV, LoopbackServer.KEY));
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    Source source(String url, String... extra) throws Exception {
        return f.source("sources:\n  - name: open-data\n    kind: http\n    schedule: \"0 30 6 * * ?\"\n    url: " + url
                + "\n    headers:\n      " + LoopbackServer.KEY_HEADER + ": { env: " + KEY_ENV + " }\n"
                + String.join("", List.of(extra).stream().map(e -> "    " + e + "\n").toList()));
    }

    static LoopbackServer.Answer csv(String body) { return LoopbackServer.Answer.text("text/csv", body); }

    @Test
    void tidyCsvPerMonthIsPulledAndStoredThenARepeatChangesNothingAndAChangeIsOneRevision() throws Exception {
        for (int m = 3; m <= 5; m++)
            server.put("/figures/2026-0" + m + ".csv", csv("month,metric,area,value\n2026-0" + m + ",calls_999,Fenland," + (100 + m) + "\n"));
        Source source = source(server.url("/figures/{month}.csv"));

        PullResult first = f.puller.pull(source);

        assertThat(first.ok()).as(first.render()).isTrue();
        assertThat(first.loads()).hasSize(3);
        assertThat(server.requests).containsOnlyKeys("/figures/2026-03.csv", "/figures/2026-04.csv", "/figures/2026-05.csv");
        assertThat(f.store.observations().all()).extracting(Observation::value).containsExactlyInAnyOrder(103.0, 104.0, 105.0);
        assertThat(first.touchedMonths()).hasSize(3);

        PullResult again = f.puller.pull(source);
        assertThat(again.ok()).isTrue();
        assertThat(again.touchedMonths()).isEmpty();

        server.put("/figures/2026-04.csv", csv("month,metric,area,value\n2026-04,calls_999,Fenland,140\n"));
        PullResult revised = f.puller.pull(source);
        assertThat(revised.touchedMonths()).containsExactly(YearMonth.of(2026, 4));
        assertThat(f.store.observations().revisions(new SeriesKey("calls_999", AreaType.DISTRICT, "Fenland"), YearMonth.of(2026, 4)))
                .singleElement().satisfies(r -> assertThat(r.newValue()).isEqualTo(140.0));
        assertThat(revised.render()).contains("revised 2026-04 calls_999 district Fenland: 104 -> 140");
    }

    @Test
    void jsonIsToldByItsContentTypeAndStored() throws Exception {
        server.put("/api/latest", LoopbackServer.Answer.text("application/json; charset=utf-8",
                "[{\"month\":\"2026-05\",\"metric\":\"ppo_rate_da\",\"area\":\"Cambridgeshire\",\"value\":12.5,\"numerator\":100,\"denominator\":800}]"));

        PullResult r = f.puller.pull(source(server.url("/api/latest")));

        assertThat(r.ok()).as(r.render()).isTrue();
        assertThat(r.loads().get(0).file().getFileName().toString()).endsWith(".json");
        assertThat(f.store.observations().all()).containsExactly(
                new Observation(YearMonth.of(2026, 5), "ppo_rate_da", AreaType.FORCE, "Cambridgeshire", 12.5, 100L, 800L));
    }

    @Test
    void aGzippedPoliceUkStreetFileBecomesCountsPerDistrictAreaAndForce() throws Exception {
        Path sample = TestConfig.streetFiles().resolve("2024-01-cambridgeshire-street.csv.gz");
        server.put("/crimes/2024-01", new LoopbackServer.Answer(200, "application/octet-stream", Files.readAllBytes(sample)));

        PullResult r = f.puller.pull(source(server.url("/crimes/{month}"), "format: police.uk"), PullWindow.of(YearMonth.of(2024, 1)));

        assertThat(r.ok()).as(r.render()).isTrue();
        double forceAllCrime = f.store.observations().all().stream()
                .filter(o -> o.metric().equals("policeuk.all_crime") && o.areaType() == AreaType.FORCE)
                .mapToDouble(Observation::value).sum();
        assertThat(forceAllCrime).isEqualTo(rowsOtherThanAntiSocialBehaviour(sample));
        assertThat(f.store.observations().all()).extracting(Observation::month).containsOnly(YearMonth.of(2024, 1));
    }

    @Test
    void aServerThatIsDownIsReportedAndStoresNothing() throws Exception {
        Source source = source(server.url("/figures/{month}.csv"));
        server.close();

        PullResult r = f.puller.pull(source);

        assertThat(r.ok()).isFalse();
        assertThat(r.failure()).contains("127.0.0.1").contains("refused the connection");
        assertThat(f.store.observations().all()).isEmpty();
        assertThat(f.health.state("open-data").failures()).isEqualTo(1);
    }

    @Test
    void anErrorStatusOrABadPayloadIsReportedAndStoresNothing() throws Exception {
        server.put("/figures/2026-03.csv", csv("month,metric,area,value\n2026-03,calls_999,Fenland,1\n"));
        server.put("/figures/2026-04.csv", new LoopbackServer.Answer(503, "text/plain", "busy".getBytes()));
        PullResult status = f.puller.pull(source(server.url("/figures/{month}.csv")));
        assertThat(status.failure()).contains("answered HTTP 503");

        server.put("/page.csv", LoopbackServer.Answer.text("text/html", "<html><body>Maintenance</body></html>"));
        PullResult bad = f.puller.pull(source(server.url("/page.csv")));
        assertThat(bad.failure()).contains("refused");
        assertThat(bad.render()).contains("REFUSED");

        assertThat(f.store.observations().all()).isEmpty();
    }

    @Test
    void withoutTheApiKeyTheServerRefusesAndTheFailureSaysSo() throws Exception {
        server.put("/figures/2026-05.csv", csv("month,metric,area,value\n2026-05,calls_999,Fenland,1\n"));
        Source noKey = f.source("sources:\n  - name: open-data\n    kind: http\n    schedule: \"0 30 6 * * ?\"\n    months: 1\n    url: "
                + server.url("/figures/{month}.csv") + "\n");

        PullResult r = f.puller.pull(noKey);

        assertThat(r.failure()).contains("answered HTTP 401").contains("API key");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAFailure() throws Exception {
        CountDownLatch release = server.hang("/slow.csv");
        try {
            PullResult r = f.puller.pull(source(server.url("/slow.csv"), "read_timeout_seconds: 1"));
            assertThat(r.failure()).contains("did not answer within 1 s");
        } finally {
            release.countDown();
        }
        assertThat(f.store.observations().all()).isEmpty();
    }

    /** Independently of the loader: the rows of the file that are not anti-social behaviour. */
    static double rowsOtherThanAntiSocialBehaviour(Path gz) throws Exception {
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)) {
            long n = 0;
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
                if (!rec.get("Crime type").equals("Anti-social behaviour")) n++;
            return n;
        }
    }
}
