package org.perfalert.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.perfalert.config.Configuration;
import org.perfalert.model.*;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * data.police.uk street-level crime files (CONTRACT.md 1.3): one file is one month; each crime type
 * becomes a count per district, per policing area and for the force, with zeros where no row.
 */
final class StreetFileParser {
    /** The crime types data.police.uk publishes. */
    static final List<String> CRIME_TYPES = List.of("Anti-social behaviour", "Bicycle theft", "Burglary",
            "Criminal damage and arson", "Drugs", "Other crime", "Other theft", "Possession of weapons", "Public order",
            "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences");
    static final String ALL_CRIME = "policeuk.all_crime";
    static final String ASB = "policeuk.anti_social_behaviour";
    private static final List<String> REQUIRED = List.of("month", "lsoa name", "crime type");
    private static final Pattern LSOA = Pattern.compile("^(.*\\S)\\s+\\S+$");

    private StreetFileParser() { }

    /** policeuk.&lt;slug&gt;: the type in lower case, each run of characters other than a–z, 0–9 made "_". */
    static String metricOf(String crimeType) {
        String s = crimeType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return "policeuk." + s;
    }

    /** The district of an LSOA name: the name without its trailing code ("Fenland 005A" → "Fenland"). */
    static String districtOf(String lsoaName) {
        Matcher m = LSOA.matcher(lsoaName.trim());
        return m.matches() ? m.group(1) : lsoaName.trim();
    }

    static ParsedFile parse(Path file, String text, Configuration cfg, YearMonth currentMonth) {
        List<String> problems = new ArrayList<>();
        LineIndex lines = new LineIndex(text);
        Areas areas = cfg.areas();
        Map<String, long[]> counts = new TreeMap<>(); // metric → [force, district 0..n-1]
        List<String> districts = areas.districts();
        Set<String> unknownMetrics = new HashSet<>();
        Map<String, String> metricOfType = new HashMap<>();      // a few types, thousands of rows:
        Map<String, Integer> districtOfLsoa = new HashMap<>();   // work each name out once
        YearMonth month = null;
        String monthAt = null, monthAsText = null;
        int rows = 0;
        try (CSVParser csv = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> it = csv.iterator();
            if (!it.hasNext()) {
                problems.add(file + ":1: the file is empty (a data.police.uk street file starts with the header Crime ID,Month,…)");
                return ParsedFile.refused(file, problems, 0);
            }
            Map<String, Integer> col = header(file, it.next(), problems);
            if (col == null) return ParsedFile.refused(file, problems, 0);
            while (it.hasNext()) {
                CSVRecord r = it.next();
                rows++;
                int line = lines.lineOf(r.getCharacterPosition());
                String monthText = field(r, col.get("month"));
                String type = field(r, col.get("crime type"));
                String lsoa = field(r, col.get("lsoa name"));
                YearMonth m = month != null && monthText != null && monthText.equals(monthAsText) ? month // the usual case: the file's month again
                        : RowChecker.month(monthText, file + ":" + line + ":" + (col.get("month") + 1), currentMonth, problems);
                if (m != null && month == null) { month = m; monthAsText = m.toString(); monthAt = file + ":" + line; }
                else if (m != null && !m.equals(month)) {
                    problems.add(file + ":" + line + ":" + (col.get("month") + 1) + ": month " + m + " differs from " + month
                            + " at " + monthAt + " (a street file holds one month; split it by month)");
                }
                if (type == null) {
                    problems.add(file + ":" + line + ":" + (col.get("crime type") + 1)
                            + ": the crime type is missing (is the file a data.police.uk street file, unchanged?)");
                    continue;
                }
                String metric = metricOfType.computeIfAbsent(type, StreetFileParser::metricOf);
                if (!cfg.catalogue().contains(metric)) {
                    if (unknownMetrics.add(type)) // once per type, not on each of its rows
                        problems.add(file + ":" + line + ":" + (col.get("crime type") + 1) + ": crime type \"" + type
                                + "\" has no metric " + metric + " in metrics.yaml (add the policeuk.* metrics of CONTRACT.md 1.3)");
                    continue;
                }
                int district = lsoa == null ? -1 : districtOfLsoa.computeIfAbsent(lsoa, n -> districts.indexOf(districtOf(n)));
                count(counts, metric, district, districts.size());
                if (!metric.equals(ASB)) count(counts, ALL_CRIME, district, districts.size());
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(file + ": not valid CSV: " + e.getMessage() + " (is it a data.police.uk street file, unchanged?)");
        }
        if (rows == 0 && problems.isEmpty())
            problems.add(file + ":2: the file has no rows, so its month is unknown (load a file with the month's crimes)");
        if (!cfg.catalogue().contains(ALL_CRIME) && problems.isEmpty())
            problems.add(file + ": metrics.yaml has no " + ALL_CRIME + " (add the policeuk.* metrics of CONTRACT.md 1.3)");
        if (!problems.isEmpty()) return ParsedFile.refused(file, problems, rows);
        return new ParsedFile(file, observations(month, counts, cfg), problems, rows);
    }

    private static void count(Map<String, long[]> counts, String metric, int district, int nDistricts) {
        long[] c = counts.computeIfAbsent(metric, k -> new long[nDistricts + 1]);
        c[0]++;
        if (district >= 0) c[district + 1]++;
    }

    /** Zeros for every crime type with a metric; area = the sum of its districts. */
    private static List<Observation> observations(YearMonth month, Map<String, long[]> counts, Configuration cfg) {
        Areas areas = cfg.areas();
        List<String> districts = areas.districts();
        List<String> metrics = new ArrayList<>();
        metrics.add(ALL_CRIME);
        CRIME_TYPES.stream().map(StreetFileParser::metricOf).filter(cfg.catalogue()::contains).forEach(metrics::add);
        List<Observation> out = new ArrayList<>();
        for (String metric : metrics) {
            long[] c = counts.getOrDefault(metric, new long[districts.size() + 1]);
            out.add(new Observation(month, metric, AreaType.FORCE, areas.force(), c[0], null, null));
            for (String area : areas.areaNames()) {
                long sum = 0;
                for (String d : areas.districtsOf(area)) sum += c[districts.indexOf(d) + 1];
                out.add(new Observation(month, metric, AreaType.AREA, area, sum, null, null));
            }
            for (int i = 0; i < districts.size(); i++)
                out.add(new Observation(month, metric, AreaType.DISTRICT, districts.get(i), c[i + 1], null, null));
        }
        return out;
    }

    private static Map<String, Integer> header(Path file, CSVRecord header, List<String> problems) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        List<String> missing = REQUIRED.stream().filter(c -> !col.containsKey(c)).toList();
        if (missing.isEmpty()) return col;
        problems.add(file + ":1: no data.police.uk header: the columns " + missing + " are missing (the first line must be "
                + "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context)");
        return null;
    }

    private static String field(CSVRecord r, int i) {
        if (i >= r.size()) return null;
        String v = r.get(i).trim();
        return v.isEmpty() ? null : v;
    }
}
