package org.perfalert.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfalert.config.Configuration;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.*;

/** The 24 sample data.police.uk street files, loaded through the store (CONTRACT.md 1.3). */
class PoliceUkLoadTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.perfalert.store.TestStores#targets")
    void loadingTheStreetFilesGivesThePublishedCounts(String target) throws Exception {
        Configuration cfg = TestConfig.config();
        try (Store store = TestStores.open(target, dir, TestConfig.clock())) {
            List<FileResult> results = new FileLoader(cfg, store.observations(), TestConfig.clock())
                    .loadAll(List.of(TestConfig.streetFiles()));
            assertThat(results).hasSize(24).allSatisfy(r -> assertThat(r.loaded()).as(r.report().render()).isTrue());
            assertThat(results).extracting(r -> r.file().getFileName().toString()).isSorted();

            List<Observation> stored = store.observations().all();

            // force level: all crime + anti-social behaviour = the number of rows in each month's file
            Map<YearMonth, Long> forceRows = new TreeMap<>();
            stored.stream().filter(o -> o.areaType() == AreaType.FORCE)
                    .filter(o -> o.metric().equals("policeuk.all_crime") || o.metric().equals("policeuk.anti_social_behaviour"))
                    .forEach(o -> forceRows.merge(o.month(), (long) o.value(), Long::sum));
            assertThat(forceRows).containsExactlyEntriesOf(PoliceUkCounts.rowsByMonth());

            // districts: the published monthly aggregate by district and crime type
            Map<List<String>, Long> aggregate = districtAggregate();
            Map<List<String>, Long> storedDistricts = new HashMap<>();
            stored.stream().filter(o -> o.areaType() == AreaType.DISTRICT && !o.metric().equals("policeuk.all_crime"))
                    .forEach(o -> storedDistricts.put(List.of(o.month().toString(), o.area(), o.metric()), (long) o.value()));
            Map<List<String>, Long> expected = new HashMap<>();
            for (var e : aggregate.entrySet())
                if (cfg.areas().districts().contains(e.getKey().get(1))) expected.put(e.getKey(), e.getValue());
            assertThat(expected).hasSizeGreaterThan(24 * 6 * 10);
            expected.forEach((k, v) -> assertThat(storedDistricts.get(k)).as(k.toString()).isEqualTo(v));
            // every other stored district figure is a zero: no row of that kind that month
            storedDistricts.forEach((k, v) -> { if (!expected.containsKey(k)) assertThat(v).as(k.toString()).isZero(); });

            // areas are the sums of their districts; the force also counts rows outside the districts
            for (Observation a : stored) {
                if (a.areaType() != AreaType.AREA) continue;
                double sum = stored.stream().filter(d -> d.areaType() == AreaType.DISTRICT && d.month().equals(a.month())
                        && d.metric().equals(a.metric()) && cfg.areas().districtsOf(a.area()).contains(d.area()))
                        .mapToDouble(Observation::value).sum();
                assertThat(a.value()).as(a.toString()).isEqualTo(sum);
            }
            long outside = aggregate.entrySet().stream().filter(e -> e.getKey().get(0).equals("2024-01"))
                    .filter(e -> !cfg.areas().districts().contains(e.getKey().get(1))).mapToLong(Map.Entry::getValue).sum();
            assertThat(outside).isPositive();
            double jan = stored.stream().filter(o -> o.areaType() == AreaType.DISTRICT && o.month().equals(YearMonth.of(2024, 1))
                    && !o.metric().equals("policeuk.all_crime")).mapToDouble(Observation::value).sum();
            assertThat((long) jan + outside).isEqualTo(PoliceUkCounts.ROWS[0]);
        }
    }

    /** (month, district, metric) → count, from samples/policeuk/cambridgeshire_street_monthly_by_district.csv. */
    private static Map<List<String>, Long> districtAggregate() throws Exception {
        Map<List<String>, Long> out = new HashMap<>();
        Path csv = TestConfig.repo().resolve("samples/policeuk/cambridgeshire_street_monthly_by_district.csv");
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p)
                out.merge(List.of(rec.get("month"), rec.get("area"), StreetFileParser.metricOf(rec.get("crime_type"))),
                        Long.parseLong(rec.get("count")), Long::sum);
        }
        return out;
    }
}
