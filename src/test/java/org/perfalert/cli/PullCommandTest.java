package org.perfalert.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.store.Store;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** pull --source NAME [--month YYYY-MM]: one pull now, through the same loader as load, with its load report. */
class PullCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) { }

    Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    Path config(String sources) throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.copy(repo.resolve("config/metrics.yaml"), cfg.resolve("metrics.yaml"));
        Files.copy(repo.resolve("config/areas.yaml"), cfg.resolve("areas.yaml"));
        Files.writeString(cfg.resolve("application.properties"), "store.url=jdbc:h2:file:" + dir.resolve("db/perfalert").toAbsolutePath()
                + "\npull.dir=" + dir.resolve("pull").toAbsolutePath() + "\n");
        Files.writeString(cfg.resolve("sources.yaml"), sources);
        return cfg;
    }

    @Test
    void pullsOneMonthFromAWebSourceAndARepeatChangesNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/figures/", ex -> {
            byte[] body = ("month,metric,area,value\n" + ex.getRequestURI().getPath().replaceAll(".*/(\\d{4}-\\d{2})\\.csv", "$1")
                    + ",calls_999,Fenland,42\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(body); }
        });
        server.start();
        try {
            Path cfg = config("sources:\n  - name: web\n    kind: http\n    enabled: false\n    schedule: \"0 0 6 * * ?\"\n    url: http://127.0.0.1:"
                    + server.getAddress().getPort() + "/figures/{month}.csv\n");

            Run first = run("pull", "--config", cfg.toString(), "--source", "web", "--month", "2025-11");

            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("web-2025-11.csv: loaded").contains("new: 1, unchanged: 0, revised: 0")
                    .contains("source web (http, 2025-11): pulled and loaded, months to evaluate: [2025-11]")
                    .contains("Evaluated 2025-11:");
            try (Store store = Store.open(ConfigLoader.load(cfg).settings())) {
                assertThat(store.observations().all()).containsExactly(
                        new Observation(YearMonth.of(2025, 11), "calls_999", AreaType.DISTRICT, "Fenland", 42, null, null));
            }

            Run again = run("pull", "--config", cfg.toString(), "--source", "web", "--month", "2025-11");
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("new: 0, unchanged: 1, revised: 0").contains("none (no figure changed)")
                    .contains("No figures changed: nothing to evaluate.").doesNotContain("Evaluated");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFailingSourceExitsOneAndSaysWhy() throws Exception {
        Path cfg = config("sources:\n  - { name: web, kind: http, schedule: '0 0 6 * * ?', url: 'http://127.0.0.1:1/x.csv' }\n");

        Run r = run("pull", "--config", cfg.toString(), "--source", "web", "--month", "2025-11");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("source web (http, 2025-11): FAILED: http://127.0.0.1:1/x.csv refused the connection");
    }

    @Test
    void anUnknownSourceNamesTheKnownOnesAndABadMonthIsBadUsage() throws Exception {
        Path cfg = config("sources:\n  - { name: drop, kind: folder, dir: '" + dir.resolve("drop") + "' }\n");

        Run unknown = run("pull", "--config", cfg.toString(), "--source", "warehouse");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no source named \"warehouse\"").contains("known: drop");

        Run badMonth = run("pull", "--config", cfg.toString(), "--source", "drop", "--month", "May 2025");
        assertThat(badMonth.exit()).isEqualTo(2);
        assertThat(badMonth.err()).contains("--month \"May 2025\" is not a month");
    }

    @Test
    void aBrokenSourcesFileIsAnInputError() throws Exception {
        Path cfg = config("sources:\n  - { name: drop, kind: ftp }\n");

        Run r = run("pull", "--config", cfg.toString(), "--source", "drop");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("sources.yaml: source 1 (drop): unknown kind \"ftp\"");
    }
}
