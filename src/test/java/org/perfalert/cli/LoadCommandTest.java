package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.store.Store;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.*;

class LoadCommandTest {
    @TempDir Path dir;

    Path config() throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.copy(repo.resolve("config/metrics.yaml"), cfg.resolve("metrics.yaml"));
        Files.copy(repo.resolve("config/areas.yaml"), cfg.resolve("areas.yaml"));
        Files.writeString(cfg.resolve("application.properties"), "store.url=jdbc:h2:file:" + dir.resolve("db/perfalert").toAbsolutePath() + "\n");
        return cfg;
    }

    CliRun load(String... args) { return CliRun.run(args); }

    @Test
    void loadsFilesPrintsAReportPerFileAndFailsWhenOneIsRefused() throws Exception {
        Path cfg = config();
        Path good = Files.writeString(dir.resolve("good.csv"), "month,metric,area,value\n2024-01,calls_999,Fenland,10\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "month,metric,area,value\n2024-01,calls_999,Fenland,ten\n");

        CliRun run = load("load", "--config", cfg.toString(), "--data", good.toString(), bad.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(good + ": loaded").contains("new: 1, unchanged: 0, revised: 0")
                .contains(bad + ": REFUSED").contains(bad + ":2:4: value \"ten\" is not a number")
                .contains("1 of 2 files loaded; 1 refused");
        try (Store store = Store.open(ConfigLoader.load(cfg).settings())) {
            assertThat(store.observations().all()).containsExactly(
                    new Observation(YearMonth.of(2024, 1), "calls_999", AreaType.DISTRICT, "Fenland", 10, null, null));
        }
    }

    @Test
    void exitsZeroWhenEveryFileLoads() throws Exception {
        Path cfg = config();
        Path good = Files.writeString(dir.resolve("good.json"), "[{\"month\":\"2024-01\",\"metric\":\"calls_999\",\"value\":10}]");

        CliRun run = load("load", "--config", cfg.toString(), "--data", good.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 of 1 file loaded");
    }

    @Test
    void aMissingPathIsReportedAndFails() throws Exception {
        CliRun run = load("load", "--config", config().toString(), "--data", dir.resolve("nowhere").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("nowhere: no such file or folder");
    }

    @Test
    void withoutDataItIsBadUsage() {
        assertThat(load("load").exit()).isEqualTo(2);
    }
}
