package org.perfalert.service;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.Level;
import org.perfalert.fixtures.LogCapture;
import org.perfalert.model.Observation;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/** The service as an operator sees it: the health endpoint, and a restart. */
class ServiceLifecycleTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @Test
    void theHealthEndpointAnswersOnLocalhost(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) { port = free.getLocalPort(); }
        try (ServiceFixture f = new ServiceFixture(tmp, port)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"UP\"").contains("outbox").contains("rules.version")
                    .contains(f.parts.rules().current().hash());
        }
    }

    @Test
    void afterARestartAFileAlreadyLoadedIsFiledAsRecordedNotLoadedAgain(@TempDir Path tmp) throws Exception {
        Path processed = tmp.resolve("inbox/processed");
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            f.drop("a.csv", HEADER + "2020-01,calls_999,force,Cambridgeshire,1000\n");
            await("a.csv processed", DEADLINE, () -> names(processed).contains("a.csv"));
            // a later file revises January: loading a.csv again would put the old figure back
            f.drop("b.csv", HEADER + "2020-01,calls_999,force,Cambridgeshire,1010\n");
            await("b.csv processed", DEADLINE, () -> names(processed).contains("b.csv"));
        }
        // the same file (name, size, time) turns up in the inbox again, e.g. restored from a backup
        Files.move(processed.resolve("a.csv"), tmp.resolve("inbox/a.csv"));
        try (LogCapture log = LogCapture.of("perfalert.ingest"); ServiceFixture f = new ServiceFixture(tmp)) {
            await("a.csv filed again", DEADLINE, () -> names(processed).contains("a.csv"));
            assertThat(tmp.resolve("inbox/a.csv")).doesNotExist();
            assertThat(names(processed)).doesNotContain("a.2.csv");
            // the store still holds b's figure: a.csv was recognised by the store's record of it, not read again
            assertThat(f.parts.store().observations().all()).singleElement()
                    .satisfies(o -> assertThat(o.value()).isEqualTo(1010.0));
            assertThat(log.at(Level.INFO)).anyMatch(m -> m.contains("file already decided") && m.contains("\"a.csv\""));
        }
    }

    @Test
    void stoppingWhileFilesArriveLosesNoneAndLeavesNoneHalfLoaded(@TempDir Path tmp) throws Exception {
        Path street = ServiceFixture.REPO.resolve("samples/policeuk/street");
        List<Path> files;
        try (Stream<Path> s = Files.list(street)) { files = s.sorted().toList(); }
        Path processed = tmp.resolve("inbox/processed");
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            NotifyBuilder some = new NotifyBuilder(f.service.camel()).fromRoute("ingest").whenDone(3).create();
            for (Path p : files) Files.copy(p, f.inbox.resolve(p.getFileName()));
            assertThat(some.matches(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            f.service.close(); // graceful: the file being loaded finishes, the rest wait in the inbox

            List<String> done = names(processed).stream().filter(n -> !n.endsWith(".report.txt")).toList();
            List<String> waiting = names(f.inbox).stream().filter(n -> n.endsWith(".gz")).toList();
            assertThat(done.size() + waiting.size()).isEqualTo(files.size());
            assertThat(done).as("at least the three files seen done").hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(n -> assertThat(processed.resolve(n + ".report.txt")).exists());
            // every file filed as processed is in the store, and nothing of a file still waiting is
            Set<YearMonth> stored = f.parts.store().observations().all().stream().map(Observation::month).collect(Collectors.toSet());
            assertThat(stored).hasSize(done.size());
        }
    }
}
