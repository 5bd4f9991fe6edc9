package org.perfalert.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.model.Observation;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Gzipped tidy CSV and JSON (*.csv.gz, *.json.gz) are read as the plain files, under the same size limit. */
class GzippedInputTest {
    static final String CSV = "month,metric,area,value,numerator,denominator\n"
            + "2024-01,calls_999,Fenland,1523,,\n2024-01,ppo_rate_da,,11.49,95,827\n2024-02,calls_999,,1e12,,\n";
    static final String JSON = "[{\"month\": \"2024-03\", \"metric\": \"calls_999\", \"area\": \"Peterborough\", \"value\": 2001},\n"
            + " {\"month\": \"2024-03\", \"metric\": \"imu_queue\", \"value\": -1e12}]";
    @TempDir Path dir;

    @Test
    void gzippedFilesGiveTheSameObservationsAsThePlainOnes() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain")), zipped = Files.createDirectories(dir.resolve("zipped"));
        Files.writeString(plain.resolve("board.csv"), CSV);
        Files.writeString(plain.resolve("board.json"), JSON);
        Files.write(zipped.resolve("board.csv.gz"), BadInputTest.gzip(CSV));
        Files.write(zipped.resolve("board.JSON.GZ"), BadInputTest.gzip(JSON));

        List<Observation> fromPlain = ObservationReader.readAll(List.of(plain), TestConfig.config(), TestConfig.clock());
        List<Observation> fromZipped = ObservationReader.readAll(List.of(zipped), TestConfig.config(), TestConfig.clock());

        assertThat(fromPlain).hasSize(5);
        assertThat(fromZipped).isEqualTo(fromPlain);
    }

    @Test
    void loadingTakesGzippedFilesFromAFolderAndStoresThemWhole() throws Exception {
        Files.write(dir.resolve("2024-01-board.csv.gz"), BadInputTest.gzip(CSV));
        Files.write(dir.resolve("2024-03-board.json.gz"), BadInputTest.gzip(JSON));
        Files.writeString(dir.resolve("notes.gz"), "not an input kind: ignored in a folder");
        try (Store store = TestStores.open(TestStores.H2, Files.createDirectories(dir.resolve("store")), TestConfig.clock())) {
            List<FileResult> results = new FileLoader(TestConfig.config(), store.observations(), TestConfig.clock()).loadAll(List.of(dir));

            assertThat(results).extracting(r -> r.file().getFileName().toString())
                    .containsExactly("2024-01-board.csv.gz", "2024-03-board.json.gz"); // tidy CSV before JSON
            assertThat(results).allSatisfy(r -> assertThat(r.loaded()).as(r.report().render()).isTrue());
            assertThat(store.observations().all()).hasSize(5);
        }
    }

    /** 1 GiB of zeros from a 1 MiB file: refused once the limit is read, without unzipping the rest. */
    @Test
    void aGzipBombIsRefusedByItsUnzippedSizeAndNothingIsStored() throws Exception {
        Path bomb = dir.resolve("2024-01-bomb.csv.gz");
        byte[] member = gzippedZeros(16 << 20); // gzip members may follow one another; each unzips to 16 MiB
        try (OutputStream out = Files.newOutputStream(bomb)) {
            for (int i = 0; i < 64; i++) out.write(member);
        }
        Properties limit = new Properties();
        limit.setProperty(FileParser.MAX_FILE_BYTES, String.valueOf(10L << 20));
        Configuration base = TestConfig.config();
        Configuration cfg = new Configuration(base.dir(), base.catalogue(), base.areas(), base.people(), new Settings(limit, Map.of()));
        assertThat(Files.size(bomb)).isLessThan(10L << 20);

        try (Store store = TestStores.open(TestStores.H2, Files.createDirectories(dir.resolve("store")), TestConfig.clock())) {
            FileResult result = new FileLoader(cfg, store.observations(), TestConfig.clock()).load(bomb);

            assertThat(result.loaded()).isFalse();
            assertThat(result.problems()).containsExactly(bomb + ": unzipped, the file is more than the limit of " + (10L << 20)
                    + " bytes (split it into smaller files, or raise load.max.file.bytes)");
            assertThat(store.observations().all()).isEmpty();
        }
    }

    private static byte[] gzippedZeros(int size) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) { gz.write(new byte[size]); }
        return b.toByteArray();
    }
}
