package org.perfalert.cli;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AlertStages;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.AlertTestSupport;
import org.perfalert.alerts.AlertTestSupport.TestClock;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.exception;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Direction.IMPROVEMENT;
import static org.perfalert.model.Severity.HIGH;

/** silence add|list|remove, ack and recipients against a store on disk. */
class AlertCommandsTest {
    @TempDir Path dir;
    Path config;
    JdbcDataSource ds;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("config");
        String url = "jdbc:h2:file:" + dir.resolve("store/perfalert").toAbsolutePath();
        AlertTestSupport.config(config, "store.url=" + url + "\nmail.mode=file\nmail.file.dir=" + dir.resolve("mail") + "\n");
        ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        new org.perfalert.store.ObservationStore(ds, java.time.Clock.systemUTC()).load("setup", List.of(new org.perfalert.model.Observation(
                YearMonth.of(2025, 3), "burglary", org.perfalert.model.AreaType.DISTRICT, "Fenland", 41, null, null)));
    }

    /** A command that reads the store refuses one without figures, and never makes one where there was none. */
    @Test
    void aStoreWithoutFiguresIsRefusedAndNoneIsMade() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        AlertTestSupport.config(elsewhere, "store.url=jdbc:h2:file:" + dir.resolve("nothing/perfalert").toAbsolutePath() + "\n");
        for (String[] args : List.of(new String[]{"ack", "5773", "--by", "Bea"}, new String[]{"recipients", "--month", "2025-12"},
                new String[]{"silence", "list"}, new String[]{"digest", "--out", dir.resolve("d.html").toString()})) {
            config = elsewhere;
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString()).contains("there is no store at " + dir.resolve("nothing/perfalert.mv.db").toAbsolutePath(),
                    "load figures first");
        }
        assertThat(dir.resolve("nothing")).doesNotExist();
        // a store that exists but holds no figures: said so, exit 1
        String empty = "jdbc:h2:file:" + dir.resolve("empty/perfalert").toAbsolutePath();
        org.perfalert.store.Store.open(empty, "sa", "", java.time.Clock.systemUTC()).close();
        AlertTestSupport.config(elsewhere, "store.url=" + empty + "\n");
        assertThat(run("recipients", "--month", "2025-12")).isEqualTo(1);
        assertThat(err.toString()).contains("holds no figures");
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return cl.execute(all);
    }

    @Test
    void silencesAreAddedListedAndRemoved() {
        String until = LocalDate.now().plusDays(30).toString();
        assertThat(run("silence", "add", "--metric", "policeuk.*", "--area", "Fenland", "--until", until,
                "--reason", "source fault", "--by", "Ana Lyst")).isZero();
        assertThat(out.toString()).startsWith("silence added: 1  metric policeuk.*  area Fenland  rule *  until " + until);
        assertThat(run("silence", "list")).isZero();
        assertThat(out.toString()).contains("1  metric policeuk.*", "by Ana Lyst: source fault");
        assertThat(run("silence", "remove", "1")).isZero();
        assertThat(run("silence", "list")).isZero();
        assertThat(out.toString()).contains("no silences in force");
        assertThat(run("silence", "remove", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("there is no silence 1");
    }

    @Test
    void badSilencesAreRefusedWithTheReason() {
        assertThat(run("silence", "add", "--metric", "x", "--until", "30/06/2025", "--reason", "r", "--by", "b")).isEqualTo(1);
        assertThat(err.toString()).contains("--until \"30/06/2025\" is not a date (use YYYY-MM-DD");
        assertThat(run("silence", "add", "--metric", "x", "--until", "2000-01-01", "--reason", "r", "--by", "b")).isEqualTo(1);
        assertThat(err.toString()).contains("is in the past");
        assertThat(run("silence", "add", "--until", LocalDate.now().plusDays(1).toString(), "--reason", "r", "--by", "b")).isEqualTo(1);
        assertThat(err.toString()).contains("a silence of everything is refused");
        assertThat(run("silence", "add", "--metric", "x")).isEqualTo(2); // missing required options: bad usage
    }

    @Test
    void ackAndRecipientsWorkOnStoredExceptions() throws Exception {
        Configuration cfg = org.perfalert.config.ConfigLoader.load(config);
        YearMonth mar = YearMonth.of(2025, 3);
        PerformanceException e = exception("exceptional-high", "burglary", "Fenland", mar, HIGH, CONCERN, 41);
        PerformanceException good = exception("twelve-month-low", "robbery", "Cambridge", mar, HIGH, IMPROVEMENT, 3);
        AlertTestSupport.raise(new AlertStages(ds, cfg, new TestClock(Instant.now())), mar, List.of(e, good), Set.of(), "run");
        long id = new AlertStore(ds).find(e.fingerprint()).orElseThrow().id();

        assertThat(run("ack", String.valueOf(id), "--by", "Bea Burglary", "--comment", "patrols increased")).isZero();
        assertThat(out.toString()).contains("acknowledged alert " + id, e.fingerprint());
        assertThat(run("ack", "999", "--by", "Bea")).isEqualTo(1);
        assertThat(err.toString()).contains("there is no exception \"999\"");

        assertThat(run("recipients")).isZero();
        String report = out.toString();
        assertThat(report).contains("Who receives what for 2025-03 (2 exceptions)", "Bea Burglary <bea@example.org>",
                "Nora North <nora@example.org>", "Cris Crime <cris@example.org>", "Emails now: 2");
        assertThat(report).containsPattern("EMAIL +high +concern +new +burglary / Fenland / exceptional-high");
        assertThat(report).containsPattern("digest +high +improvement +new +robbery / Cambridge / twelve-month-low");
        assertThat(run("recipients", "--month", "2025-13")).isEqualTo(1);
        assertThat(err.toString()).contains("is not a month");
    }

    @Test
    void recipientsDryRunEvaluatesDataFilesWithoutAStore() {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("recipients", "--config", repo.resolve("config").toString(), "--rules", repo.resolve("rules").toString(),
                "--data", repo.resolve("samples/policeuk/street").toString(), "--month", "2025-10");
        assertThat(code).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).startsWith("Who receives what for 2025-10 (").contains("Head of Crime <crime-lead@example.org>");
        // the signal of Cambridge drugs is emailed, one item with the other places and rules folded into it
        assertThat(report).containsPattern("EMAIL +high +neutral +new +policeuk\\.drugs / Cambridge / exceptional-high");
        assertThat(report).containsPattern("1\\. Cambridge – Drugs \\(police\\.uk\\) 103 in October 2025: exceptionally high.*\\n +also: Huntingdonshire and South; ");
        assertThat(report).containsPattern("digest +\\w+ +\\w+ +continuing +policeuk\\.");
        assertThat(report).contains("Emails now: ");
    }
}
