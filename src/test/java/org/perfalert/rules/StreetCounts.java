package org.perfalert.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.perfalert.model.AreaType;
import org.perfalert.model.Areas;
import org.perfalert.model.Observation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The real data.police.uk counts for Cambridgeshire 2024–2025 from the derived aggregate
 * samples/policeuk/cambridgeshire_street_monthly_by_district.csv, as the tests' own input:
 * per district and crime type; "No location" and "Outside force area" count for the force only.
 * Keys are "metric|area_type|area"; area totals are computed here too, for expectations.
 */
public final class StreetCounts {
    public static final Path FILE = Path.of("samples/policeuk/cambridgeshire_street_monthly_by_district.csv");
    public final Map<String, TreeMap<YearMonth, Double>> byKey = new TreeMap<>();
    /** The keys of figures a police.uk file gives (districts and force); areas are for the engine to derive. */
    public final Set<String> given = new HashSet<>();

    public static String slug(String type) { return "policeuk." + type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"); }

    public StreetCounts(Areas areas) throws IOException {
        Set<String> districts = new HashSet<>(areas.districts());
        try (Reader r = Files.newBufferedReader(FILE);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                YearMonth m = YearMonth.parse(rec.get("month"));
                String area = rec.get("area"), type = rec.get("crime_type");
                double count = Double.parseDouble(rec.get("count"));
                List<String> metrics = type.equals("Anti-social behaviour") ? List.of(slug(type)) : List.of(slug(type), "policeuk.all_crime");
                for (String metric : metrics) {
                    add(metric, "force", areas.force(), m, count, true);
                    if (districts.contains(area)) {
                        add(metric, "district", area, m, count, true);
                        add(metric, "area", areas.areaOf(area).orElseThrow(), m, count, false);
                    }
                }
            }
        }
    }

    private void add(String metric, String type, String area, YearMonth m, double v, boolean isGiven) {
        String key = metric + "|" + type + "|" + area;
        byKey.computeIfAbsent(key, k -> new TreeMap<>()).merge(m, v, Double::sum);
        if (isGiven) given.add(key);
    }

    /** The observations a police.uk reader would give: districts and the force. */
    public List<Observation> observations() {
        List<Observation> obs = new ArrayList<>();
        byKey.forEach((key, months) -> {
            if (!given.contains(key)) return;
            String[] k = key.split("\\|");
            months.forEach((m, v) -> obs.add(new Observation(m, k[0], AreaType.parse(k[1]), k[2], v, null, null)));
        });
        return obs;
    }

    /**
     * Every twelve-month high and low of every series in the months given, computed straight from the
     * counts: "MONTH RULE KEY PREVIOUS".
     */
    public Set<String> twelveMonthExtremes(List<YearMonth> months) {
        Set<String> out = new TreeSet<>();
        byKey.forEach((key, series) -> {
            for (YearMonth m : months) {
                double v = series.get(m), max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 11; k++) {
                    max = Math.max(max, series.get(m.minusMonths(k)));
                    min = Math.min(min, series.get(m.minusMonths(k)));
                }
                if (v > max) out.add(m + " twelve-month-high " + key + " " + max);
                if (v < min) out.add(m + " twelve-month-low " + key + " " + min);
            }
        });
        return out;
    }
}
