package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reevaluate (issue 18, failure 3): a month is redone through the same pipeline, without raising what is raised
 * already; with no month given, what is owed (here: loaded with --no-evaluate) is finished.
 */
class ReevaluateCommandTest {
    static final Path REPO = Path.of(System.getProperty("perfalert.repo", "."));
    static final String HEADER = "month,metric,area_type,area,value\n";
    @TempDir Path dir;

    Path config() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config"));
        for (String f : new String[]{"metrics.yaml", "areas.yaml", "people.yaml"}) Files.copy(REPO.resolve("config").resolve(f), cfg.resolve(f));
        Files.writeString(cfg.resolve("application.properties"), "store.url=jdbc:h2:file:" + dir.resolve("db/perfalert").toAbsolutePath()
                + "\nmail.mode=file\nmail.file.dir=" + dir.resolve("mail").toAbsolutePath() + "\n");
        return cfg;
    }

    long emails() throws Exception {
        if (!Files.isDirectory(dir.resolve("mail"))) return 0;
        try (Stream<Path> s = Files.list(dir.resolve("mail"))) { return s.count(); }
    }

    @Test
    void whatALoadLeftOwedIsFinishedAndARedoneMonthRaisesNothingTwice() throws Exception {
        String cfg = config().toString(), rules = REPO.resolve("rules").toString();
        Path file = Files.writeString(dir.resolve("a.csv"), HEADER + "2020-03,abandonment_101_secondary,force,Cambridgeshire,10\n"
                + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");
        assertThat(CliRun.run("load", "--config", cfg, "--rules", rules, "--data", file.toString(), "--no-evaluate").exit()).isZero();

        CliRun owed = CliRun.run("reevaluate", "--config", cfg, "--rules", rules, "--send");

        assertThat(owed.exit()).as(owed.err()).isZero();
        assertThat(owed.out()).contains("Evaluated 2020-03: 0 exceptions").contains("Evaluated 2020-04: 1 exceptions (1 new")
                .contains("Sent 1 emails");
        assertThat(emails()).isEqualTo(1);

        CliRun nothing = CliRun.run("reevaluate", "--config", cfg, "--rules", rules);
        assertThat(nothing.out()).contains("No month is owed an evaluation.");

        CliRun again = CliRun.run("reevaluate", "--config", cfg, "--rules", rules, "--month", "2020-04", "--month", "2019-01", "--send");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Evaluated 2020-04: 1 exceptions (0 new").contains("0 emails queued").contains("Sent 0 emails");
        assertThat(again.err()).contains("the store has no figures for 2019-01");
        assertThat(emails()).isEqualTo(1);
    }
}
