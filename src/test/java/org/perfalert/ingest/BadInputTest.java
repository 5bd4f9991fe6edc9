package org.perfalert.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.model.Observation;
import org.perfalert.store.ObservationStore;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.*;

/** Every kind of bad input (CONTRACT.md 1.4) is refused whole, naming the line, and stores nothing. */
class BadInputTest {
    static final String HEADER = "month,metric,area,value,numerator,denominator\n";
    static final String STREET_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    static final String STREET_ROW = "x1,2024-01,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.1,52.2,On or near X,E01,Fenland 005A,Burglary,,\n";

    /** A bad file: its name, its bytes, where the problem must be reported and a fragment of what it says. */
    record Case(String kind, String fileName, byte[] content, String where, String says) {
        static Case text(String kind, String fileName, String content, String where, String says) {
            return new Case(kind, fileName, content.getBytes(StandardCharsets.UTF_8), where, says);
        }

        @Override public String toString() { return kind; }
    }

    static Stream<Case> cases() throws Exception {
        return Stream.of(
                Case.text("unparsable month", "a.csv", HEADER + "2024-01,calls_999,,5,,\n24/02/2024,calls_999,,5,,\n", ":3:1: ", "is not a month"),
                Case.text("unparsable number", "a.csv", HEADER + "2024-01,calls_999,,\"12,5\",,\n", ":2:4: ", "is not a number"),
                Case.text("number beyond any double", "a.csv", HEADER + "2024-01,calls_999,,1e400,,\n", ":2:4: ", "1e400 is outside ±1,000,000,000,000"),
                Case.text("value beyond the limit", "a.csv", HEADER + "2024-01,calls_999,,5,,\n2024-02,calls_999,,1e308,,\n", ":3:4: ", "1e308 is outside ±1,000,000,000,000"),
                Case.text("value just beyond the limit", "a.csv", HEADER + "2024-01,calls_999,,1000000000000.5,,\n", ":2:4: ", "raise ingest.max-abs-value"),
                Case.text("negative value beyond the limit", "a.csv", HEADER + "2024-01,imu_queue,,-2e12,,\n", ":2:4: ", "-2e12 is outside ±"),
                Case.text("numerator beyond the limit", "a.csv", HEADER + "2024-01,ppo_rate_da,,50,2e12,4e12\n", ":2:5: ", "numerator 2e12 is outside ±"),
                Case.text("NaN as a value", "a.csv", HEADER + "2024-01,calls_999,,NaN,,\n", ":2:4: ", "value \"NaN\" is not a figure"),
                Case.text("Infinity as a value", "a.csv", HEADER + "2024-01,calls_999,,Infinity,,\n", ":2:4: ", "value \"Infinity\" is not a figure"),
                Case.text("-inf as a denominator", "a.csv", HEADER + "2024-01,ppo_rate_da,,50,1,-inf\n", ":2:6: ", "denominator \"-inf\" is not a figure"),
                Case.text("month in the future", "a.csv", HEADER + "2026-07,calls_999,,5,,\n", ":2:1: ", "is in the future"),
                Case.text("year 0000", "a.csv", HEADER + "2024-01,calls_999,,5,,\n0000-01,calls_999,,5,,\n", ":3:1: ", "month 0000-01 is before 1900-01"),
                Case.text("month before 1900", "a.csv", HEADER + "1899-12,calls_999,,5,,\n", ":2:1: ", "is before 1900-01"),
                Case.text("year after next year", "a.csv", HEADER + "2028-01,calls_999,,5,,\n", ":2:1: ", "in the future, beyond next year"),
                Case.text("year 9999", "a.csv", HEADER + "9999-12,calls_999,,5,,\n", ":2:1: ", "in the future, beyond next year"),
                Case.text("negative count", "a.csv", HEADER + "2024-01,calls_999,,-3,,\n", ":2:4: ", "negative count"),
                Case.text("negative numerator", "a.csv", HEADER + "2024-01,ppo_rate_da,,10,-1,10\n", ":2:5: ", "negative count"),
                Case.text("percent above 100", "a.csv", HEADER + "2024-01,ppo_rate_da,,100.5,,\n", ":2:4: ", "outside 0–100"),
                Case.text("percent below 0", "a.csv", HEADER + "2024-01,ppo_rate_da,,-0.1,,\n", ":2:4: ", "outside 0–100"),
                Case.text("unknown metric", "a.csv", HEADER + "2024-01,calls_998,,5,,\n", ":2:2: ", "is not in metrics.yaml"),
                Case.text("unknown area", "a.csv", HEADER + "2024-01,calls_999,Fenlands,5,,\n", ":2:3: ", "is not in areas.yaml"),
                Case.text("area type not matching", "a.csv", "month,metric,area_type,area,value\n2024-01,calls_999,area,Fenland,5\n", ":2:3: ", "is a district in areas.yaml"),
                Case.text("numerator larger than denominator", "a.csv", HEADER + "2024-01,ppo_rate_da,,50,20,10\n", ":2:5: ", "larger than its denominator"),
                Case.text("value not 100 x numerator / denominator", "a.csv", HEADER + "2024-01,ppo_rate_da,,11.6,95,827\n", ":2:4: ", "11.49"),
                Case.text("only a numerator", "a.csv", HEADER + "2024-01,ppo_rate_da,,11.49,95,\n", ":2:5: ", "give both"),
                Case.text("the same key twice", "a.csv", HEADER + "2024-01,calls_999,,5,,\n2024-02,calls_999,,5,,\n2024-01,calls_999,Cambridgeshire,6,,\n", ":4: ", "already given at "),
                Case.text("empty file", "a.csv", "", ":1: ", "the file is empty"),
                Case.text("no header", "a.csv", "2024-01,calls_999,Fenland,5\n", ":1: ", "no header row"),
                Case.text("header only", "a.csv", HEADER, ":2: ", "no data rows"),
                Case.text("unknown column", "a.csv", "month,metric,area,value,comment\n2024-01,calls_999,,5,x\n", ":1:5: ", "unknown column \"comment\""),
                Case.text("missing value column", "a.csv", "month,metric,area\n2024-01,calls_999,Fenland\n", ":1: ", "\"value\" is missing"),
                Case.text("wrong number of fields", "a.csv", HEADER + "2024-01,calls_999,,5\n", ":2: ", "the row has 4 fields"),
                new Case("not UTF-8", "a.csv", (HEADER + "2024-01,calls_999,Cambridgeshire,5,,\n2024-01,calls_999,Peterborough,6,,\n2024-01,calls_999,Fenland \u00e9,7,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1), ":4:", "not UTF-8"),
                Case.text("over the size limit", "a.csv", HEADER + "2024-01,calls_999,,5,,\n" + "2024-02,calls_999,,5,,\n".repeat(60), "a.csv: ", "more than the limit of 1000"),
                Case.text("JSON: number as a string", "a.json", "[\n {\"month\": \"2024-01\", \"metric\": \"calls_999\",\n  \"value\": \"5\"}\n]", ":3:12: ", "must be a JSON number"),
                Case.text("JSON: unknown field", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"calls_999\", \"value\": 5, \"note\": 1}\n]", ":2:", "unknown field \"note\""),
                Case.text("JSON: invalid syntax", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"calls_999\", \"value\": 5,}\n]", ":2:", "not valid JSON"),
                Case.text("JSON: not an array", "a.json", "{\"month\": \"2024-01\"}", ":1: ", "expected an array"),
                Case.text("JSON: empty array", "a.json", "[]", ":1: ", "the array is empty"),
                Case.text("JSON: percent out of range", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"ppo_rate_da\", \"value\": 101}\n]", ":2:", "outside 0–100"),
                Case.text("JSON: value beyond the limit", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"calls_999\",\n \"value\": 1e308}\n]", ":3:11: ", "1e308 is outside ±"),
                Case.text("JSON: NaN", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"calls_999\", \"value\": NaN}\n]", ":2:", "value \"NaN\" is not a figure"),
                Case.text("JSON: -Infinity", "a.json", "[\n{\"month\": \"2024-01\", \"metric\": \"imu_queue\", \"value\": -Infinity}\n]", ":2:", "value \"-Infinity\" is not a figure"),
                Case.text("JSON: year 0000", "a.json", "[\n{\"month\": \"0000-01\", \"metric\": \"calls_999\", \"value\": 5}\n]", ":2:", "is before 1900-01"),
                Case.text("JSON: year 3000", "a.json", "[\n{\"month\": \"3000-01\", \"metric\": \"calls_999\", \"value\": 5}\n]", ":2:", "beyond next year"),
                Case.text("street: no header", "x-street.csv", STREET_ROW, ":1: ", "no data.police.uk header"),
                Case.text("street: no rows", "x-street.csv", STREET_HEADER, ":2: ", "no rows"),
                Case.text("street: unknown crime type", "x-street.csv", STREET_HEADER + STREET_ROW + STREET_ROW.replace("Burglary", "Piracy"), ":3:10: ", "crime type \"Piracy\""),
                Case.text("street: crime type missing", "x-street.csv", STREET_HEADER + STREET_ROW + STREET_ROW.replace("Burglary", ""), ":3:10: ", "crime type is missing"),
                Case.text("street: two months in one file", "x-street.csv", STREET_HEADER + STREET_ROW + STREET_ROW.replace("2024-01", "2024-02"), ":3:2: ", "differs from 2024-01"),
                Case.text("street: month in the future", "x-street.csv", STREET_HEADER + STREET_ROW.replace("2024-01", "2027-01"), ":2:2: ", "is in the future"),
                Case.text("street: year 0000", "x-street.csv", STREET_HEADER + STREET_ROW.replace("2024-01", "0000-01"), ":2:2: ", "is before 1900-01"),
                Case.text("street: year 2999", "x-street.csv", STREET_HEADER + STREET_ROW.replace("2024-01", "2999-01"), ":2:2: ", "beyond next year"),
                new Case("street: not a whole gzip file", "x-street.csv.gz", truncatedGzip(STREET_HEADER + STREET_ROW), "x-street.csv.gz: ", "cannot be read"),
                new Case("gzipped CSV: a bad row", "a.csv.gz", gzip(HEADER + "2024-01,calls_999,,5,,\n2024-02,calls_999,,1e308,,\n"), ":3:4: ", "outside ±"),
                new Case("gzipped JSON: a bad field", "a.json.gz", gzip("[\n{\"month\": \"0000-01\", \"metric\": \"calls_999\", \"value\": 5}\n]"), ":2:", "before 1900-01"),
                new Case("gzipped CSV: over the limit once unzipped", "a.csv.gz", gzip(HEADER + "2024-02,calls_999,,5,,\n".repeat(2000)), "a.csv.gz: ", "unzipped, the file is more than the limit of 1000"),
                new Case("gzipped JSON: over the limit once unzipped", "a.json.gz", gzip("[" + "{\"month\": \"2024-01\"},".repeat(2000) + "]"), "a.json.gz: ", "unzipped, the file is more than the limit of 1000"),
                Case.text("gzipped CSV: not gzip", "a.csv.gz", HEADER + "2024-01,calls_999,,5,,\n", "a.csv.gz: ", "cannot be read"),
                Case.text("not an input kind", "a.txt", "hello", "a.txt: ", "not a file perfalert reads"));
    }

    @TempDir static Path storeDir;
    @TempDir Path dir;
    static Store store;
    static ObservationStore observations;
    static Configuration cfg;
    static List<Observation> before;

    /** One store for the class: every refused file must leave it exactly as the good file left it. */
    @BeforeAll
    static void storeWithOneGoodFile() throws Exception {
        Configuration base = TestConfig.config();
        Properties small = new Properties();
        small.setProperty(FileParser.MAX_FILE_BYTES, "1000");
        cfg = new Configuration(base.dir(), base.catalogue(), base.areas(), base.people(), new Settings(small, java.util.Map.of()));
        store = TestStores.open(TestStores.H2, storeDir, TestConfig.clock());
        observations = store.observations();
        Path good = storeDir.resolve("good.csv");
        Files.writeString(good, HEADER + "2024-01,calls_999,,100,,\n2024-01,ppo_rate_da,,11.49,95,827\n");
        assertThat(loader().load(good).loaded()).isTrue();
        before = observations.all();
        assertThat(before).hasSize(2);
    }

    @AfterAll
    static void close() { store.close(); }

    static FileLoader loader() { return new FileLoader(cfg, observations, TestConfig.clock()); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheLineAndStoresNothing(Case c) throws Exception {
        Path file = dir.resolve(c.fileName());
        Files.write(file, c.content());

        FileResult result = loader().load(file);

        assertThat(result.loaded()).isFalse();
        assertThat(result.touchedMonths()).isEmpty();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith(file.toString()).contains(c.where()).contains(c.says()));
        assertThat(result.report().render()).contains("REFUSED").contains(c.says());
        assertThat(observations.all()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void makesTheReaderRejectTheFiles(Case c) throws Exception {
        Path file = dir.resolve(c.fileName());
        Files.write(file, c.content());

        assertThatThrownBy(() -> ObservationReader.readAll(List.of(file), cfg, TestConfig.clock()))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining(c.says());
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) { gz.write(text.getBytes(StandardCharsets.UTF_8)); }
        return b.toByteArray();
    }

    private static byte[] truncatedGzip(String text) throws Exception {
        byte[] all = gzip(text);
        return java.util.Arrays.copyOf(all, all.length / 2);
    }
}
