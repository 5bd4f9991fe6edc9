package org.perfalert.service;

import jakarta.mail.internet.MimeMessage;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertStore;
import org.perfalert.pipeline.OwedMonths;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/**
 * The store goes away under the running service (issue 18: "after an outage"): a real H2 server stopped and started
 * again on its port. Meanwhile a dropped file waits in the inbox and health says why (ingest DOWN, HTTP 503); once the
 * store answers, the file is loaded, its month evaluated and emailed, and health is UP again. Nothing lost, nothing twice.
 */
class StoreOutageTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @Test
    void filesWaitWhileTheStoreIsDownHealthSaysSoAndEverythingIsDoneWhenItIsBack(@TempDir Path tmp) throws Exception {
        int http = freePort();
        Server h2 = tcp(tmp, 0);
        int dbPort = h2.getPort();
        Map<String, String> settings = Map.of("store.url", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/perfalert");
        try (ServiceFixture f = new ServiceFixture(tmp, http, settings, Map.of())) {
            Path processed = f.inbox.resolve("processed");
            f.drop("2020-01.csv", HEADER + "2020-01,abandonment_101_secondary,force,Cambridgeshire,35\n");
            await("January loaded and emailed", DEADLINE, () -> names(processed).contains("2020-01.csv") && f.received().length == 1);

            h2.stop();
            f.drop("2020-03.csv", HEADER + "2020-02,abandonment_101_secondary,force,Cambridgeshire,10\n"
                    + "2020-03,abandonment_101_secondary,force,Cambridgeshire,36\n");
            await("health DOWN for ingest", DEADLINE, () -> {
                HttpResponse<String> r = health(http);
                return r.statusCode() == 503 && r.body().contains("loading fails since");
            });
            assertThat(f.inbox.resolve("2020-03.csv")).exists();   // not filed anywhere while the store is away
            assertThat(names(f.inbox.resolve("rejected"))).isEmpty();

            h2 = tcp(tmp, dbPort);
            await("March loaded, evaluated and emailed; health UP", DEADLINE, () -> names(processed).contains("2020-03.csv")
                    && f.received().length >= 2 && health(http).statusCode() == 200);
            assertThat(health(http).body()).containsPattern("\"months.owed\"\\s*:\\s*0\\b").doesNotContain("loading fails");
            assertThat(f.parts.store().observations().all()).hasSize(3);
            assertThat(names(processed)).containsExactly("2020-01.csv", "2020-01.csv.report.txt", "2020-03.csv", "2020-03.csv.report.txt");
            List<String> ids = new ArrayList<>();
            for (MimeMessage m : f.received()) ids.add(m.getMessageID());
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new AlertStore(f.parts.store().dataSource()).forMonth(YearMonth.of(2020, 3))).isNotEmpty();
            assertThat(new OwedMonths(f.parts.store().dataSource()).all()).isEmpty();
        } finally {
            h2.stop();
        }
    }

    private static Server tcp(Path dir, int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.resolve("db").toString(), "-ifNotExists").start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    private static HttpResponse<String> health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health?data=true"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
