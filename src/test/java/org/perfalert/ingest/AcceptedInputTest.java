package org.perfalert.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.*;

/** Input that looks unusual but is fine (CONTRACT.md 1.1–1.3). */
class AcceptedInputTest {
    static final YearMonth JAN = YearMonth.of(2024, 1);
    @TempDir Path dir;

    ParsedFile parse(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        ParsedFile p = FileParser.parse(f, TestConfig.config(), TestConfig.clock());
        assertThat(p.problems()).isEmpty();
        return p;
    }

    @Test
    void csvWithByteOrderMarkWindowsLineEndingsAndHeaderInAnyOrderAndCase() throws Exception {
        String csv = "\uFEFFVALUE,Denominator,Area,Metric,month,NUMERATOR,area_type\r\n"
                + "11.49,827,,ppo_rate_da,2024-01,95,\r\n"
                + "1234,,\"Fenland\",calls_999,2024-01,,district\r\n";

        ParsedFile p = parse("a.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(p.observations()).containsExactly(
                new Observation(JAN, "ppo_rate_da", AreaType.FORCE, "Cambridgeshire", 11.49, 95L, 827L),
                new Observation(JAN, "calls_999", AreaType.DISTRICT, "Fenland", 1234, null, null));
        assertThat(p.rows()).isEqualTo(2);
    }

    @Test
    void areaTypeIsFoundFromTheAreaName() throws Exception {
        ParsedFile p = parse("a.csv", ("month,metric,area,value\n2024-01,calls_999,North,5\n2024-01,calls_999,Fenland,2\n"
                + "2024-01,calls_999,Cambridgeshire,9\n").getBytes(StandardCharsets.UTF_8));

        assertThat(p.observations()).extracting(Observation::areaType)
                .containsExactly(AreaType.AREA, AreaType.DISTRICT, AreaType.FORCE);
    }

    @Test
    void quotedFieldsAndBlankLinesAreRead() throws Exception {
        ParsedFile p = parse("a.csv", "month,metric,area,value\n\n\"2024-01\",\"calls_999\",\"East Cambridgeshire\",\"5.5\"\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(p.observations()).containsExactly(new Observation(JAN, "calls_999", AreaType.DISTRICT, "East Cambridgeshire", 5.5, null, null));
    }

    @Test
    void jsonWithNullsAndAnyFieldOrder() throws Exception {
        String json = "\uFEFF[{\"value\": 11.49, \"numerator\": 95, \"denominator\": 827, \"metric\": \"ppo_rate_da\", \"month\": \"2024-01\", \"area\": null},\r\n"
                + " {\"month\": \"2024-01\", \"metric\": \"calls_999\", \"area_type\": \"district\", \"area\": \"Fenland\", \"value\": 3}]";

        ParsedFile p = parse("a.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(p.observations()).containsExactly(
                new Observation(JAN, "ppo_rate_da", AreaType.FORCE, "Cambridgeshire", 11.49, 95L, 827L),
                new Observation(JAN, "calls_999", AreaType.DISTRICT, "Fenland", 3, null, null));
    }

    @Test
    void streetFileCountsDistrictsAreasAndForceWithZerosAndRowsOutsideTheForce() throws Exception {
        String h = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n";
        String row = ",2024-01,C,C,0,0,On or near X,E01,%s,%s,,\r\n";
        String csv = h + String.format(row, "Fenland 005A", "Burglary") + String.format(row, "Peterborough 001B", "Anti-social behaviour")
                + String.format(row, "\"Bournemouth, Christchurch and Poole 009D\"", "Burglary") + String.format(row, "", "Drugs")
                + String.format(row, "Cambridge 010C", "Burglary");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(b)) { gz.write(csv.getBytes(StandardCharsets.UTF_8)); }

        ParsedFile p = parse("2024-01-x-street.csv.gz", b.toByteArray());

        assertThat(value(p, "policeuk.burglary", AreaType.FORCE, "Cambridgeshire")).isEqualTo(3);
        assertThat(value(p, "policeuk.burglary", AreaType.AREA, "North")).isEqualTo(1);
        assertThat(value(p, "policeuk.burglary", AreaType.AREA, "South")).isEqualTo(1);
        assertThat(value(p, "policeuk.burglary", AreaType.DISTRICT, "Fenland")).isEqualTo(1);
        assertThat(value(p, "policeuk.drugs", AreaType.FORCE, "Cambridgeshire")).isEqualTo(1);
        assertThat(value(p, "policeuk.drugs", AreaType.DISTRICT, "Fenland")).isZero();
        assertThat(value(p, "policeuk.robbery", AreaType.FORCE, "Cambridgeshire")).isZero();
        assertThat(value(p, "policeuk.all_crime", AreaType.FORCE, "Cambridgeshire")).isEqualTo(4);
        assertThat(value(p, "policeuk.all_crime", AreaType.AREA, "North")).isEqualTo(1);
        assertThat(value(p, "policeuk.anti_social_behaviour", AreaType.DISTRICT, "Peterborough")).isEqualTo(1);
        // 15 metrics × (force + 2 areas + 6 districts)
        assertThat(p.observations()).hasSize(15 * 9);
        assertThat(p.rows()).isEqualTo(5);
    }

    @Test
    void theEdgesOfTheLimitsAreAccepted() throws Exception {
        ParsedFile p = parse("a.csv", ("month,metric,area,value,numerator,denominator\n1900-01,calls_999,,1000000000000,,\n"
                + "2026-06,imu_queue,,-1e12,,\n2024-01,ppo_rate_da,,100,1000000000000,1000000000000\n").getBytes(StandardCharsets.UTF_8));

        assertThat(p.observations()).extracting(Observation::value).containsExactly(1e12, -1e12, 100.0);
    }

    @Test
    void theValueLimitIsTheSettingIngestMaxAbsValue() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty(FileParser.MAX_ABS_VALUE, "100");
        org.perfalert.config.Configuration base = TestConfig.config();
        org.perfalert.config.Configuration cfg = new org.perfalert.config.Configuration(base.dir(), base.catalogue(), base.areas(),
                base.people(), new org.perfalert.config.Settings(p, java.util.Map.of()));
        Path f = Files.writeString(dir.resolve("a.csv"), "month,metric,value\n2024-01,calls_999,100\n2024-02,calls_999,100.01\n");

        ParsedFile parsed = FileParser.parse(f, cfg, TestConfig.clock());

        assertThat(parsed.problems()).containsExactly(f + ":3:3: value 100.01 is outside ±100, the largest figure perfalert accepts "
                + "(check the number, e.g. for a misplaced decimal point or exponent; if figures this large are real, raise ingest.max-abs-value)");
    }

    @Test
    void crimeTypeSlugsAndDistrictNames() {
        assertThat(StreetFileParser.metricOf("Anti-social behaviour")).isEqualTo("policeuk.anti_social_behaviour");
        assertThat(StreetFileParser.metricOf("Violence and sexual offences")).isEqualTo("policeuk.violence_and_sexual_offences");
        assertThat(StreetFileParser.districtOf("Fenland 005A")).isEqualTo("Fenland");
        assertThat(StreetFileParser.districtOf("East Cambridgeshire 012D")).isEqualTo("East Cambridgeshire");
    }

    private static double value(ParsedFile p, String metric, AreaType t, String area) {
        return p.observations().stream().filter(o -> o.metric().equals(metric) && o.areaType() == t && o.area().equals(area))
                .findFirst().orElseThrow().value();
    }
}
