package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `load` evaluates the months whose figures changed and queues (or with --send, sends) the emails. */
class LoadEvaluatesTest {
    static final Path REPO = Path.of(System.getProperty("perfalert.repo", "."));
    @TempDir Path dir;

    Path config() throws Exception {
        Path shipped = REPO.resolve("config");  // the catalogue the board measures sample is written for
        Path cfg = Files.createDirectories(dir.resolve("config"));
        for (String f : new String[]{"metrics.yaml", "areas.yaml", "people.yaml"}) Files.copy(shipped.resolve(f), cfg.resolve(f));
        Files.writeString(cfg.resolve("application.properties"),
                "store.url=jdbc:h2:file:" + dir.resolve("db/perfalert").toAbsolutePath() + "\n"
                        + "mail.mode=file\nmail.file.dir=" + dir.resolve("mail").toAbsolutePath() + "\n");
        return cfg;
    }

    String load(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).as(out.toString()).isEqualTo(0);
        return out.toString();
    }

    long emails() throws Exception {
        Path mail = dir.resolve("mail");
        if (!Files.isDirectory(mail)) return 0;
        try (Stream<Path> s = Files.list(mail)) { return s.filter(p -> p.toString().endsWith(".eml")).count(); }
    }

    @Test
    void loadingEvaluatesTouchedMonthsSendsOnceAndARepeatChangesNothing() throws Exception {
        Path cfg = config();
        Path data = REPO.resolve("samples/board-measures/board-measures.csv");
        String last = Files.readAllLines(data).stream().skip(1).map(l -> l.substring(0, 7)).max(String::compareTo).orElseThrow();

        String first = load("load", "--config", cfg.toString(), "--data", data.toString(), "--send");

        assertThat(first).containsPattern("Evaluated " + last + ": [1-9]\\d* exceptions");
        long sent = emails();
        assertThat(sent).isPositive();
        assertThat(first).contains("Sent " + sent + " emails (file mode)");

        String again = load("load", "--config", cfg.toString(), "--data", data.toString(), "--send");

        assertThat(again).contains("No figures changed: nothing to evaluate.").doesNotContain("Evaluated");
        assertThat(emails()).isEqualTo(sent);
    }

    @Test
    void brokenRulesRefuseTheLoadBeforeAnythingIsStored() throws Exception {
        Path cfg = config();
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), "package x\nrule \"broken\"\nwhen\n  Nonsense( \nthen\nend\n");
        Path data = Files.writeString(dir.resolve("one.csv"), "month,metric,value\n2021-01,calls_999,100\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute("load", "--config", cfg.toString(), "--rules", rules.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("bad.drl:").contains("nothing was loaded");
        assertThat(out.toString()).doesNotContain("loaded");
    }
}
