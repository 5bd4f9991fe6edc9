package org.perfalert.samples;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static java.time.Month.*;

/**
 * Writes the synthetic board measures (samples/board-measures/board-measures.csv, tidy CSV as in CONTRACT.md 1.1):
 * every measure of config/metrics.yaml that police.uk does not publish, for a force the size of Cambridgeshire,
 * 2021-01 .. 2025-12. Counts are negative binomial around a level with a yearly harmonic; rates are binomial
 * from their denominators; minutes and queue lengths are normal. The changes a lead should hear about are in
 * PlantedChanges; samples/README.md says where each level comes from.
 *
 * <p>Run from the repository's top folder:
 * {@code mvn -B -q test-compile && java -cp target/test-classes org.perfalert.samples.BoardMeasures}
 * (optionally followed by an output file).
 */
public final class BoardMeasures {
    static final long SEED = 13;
    static final String FORCE = "Cambridgeshire";
    static final YearMonth FIRST = YearMonth.of(2021, 1), LAST = YearMonth.of(2025, 12);
    static final Path FILE = Path.of("samples", "board-measures", "board-measures.csv");
    static final String HEADER = "month,metric,area_type,area,value,numerator,denominator";

    /** A district's monthly levels: all recorded crime and dwelling burglary (police.uk 2024-25, see the README). */
    private record District(String name, double allCrime, double dwellingBurglary) { }

    private static final List<District> DISTRICTS = List.of(
            new District("Cambridge", 1199, 36), new District("East Cambridgeshire", 346, 15),
            new District("Fenland", 660, 20), new District("Huntingdonshire", 855, 28),
            new District("Peterborough", 1898, 46), new District("South Cambridgeshire", 615, 34));

    /** A yearly harmonic: +amplitude in the peak month, −amplitude six months later (log scale for counts). */
    record Season(double amplitude, Month peak) {
        static final Season NONE = new Season(0, JANUARY);

        double at(YearMonth m) { return amplitude * Math.cos(2 * Math.PI * (m.getMonthValue() - peak.getValue()) / 12); }
    }

    private static final Season CRIME = new Season(0.08, JULY), CALLS = new Season(0.09, JULY);

    private final long seed;
    private final List<PlantedChanges.Change> changes;
    private final List<YearMonth> months = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    /** changes: the real changes to plant (PlantedChanges.ALL; none gives a control:
     *  every other series exactly as in the sample, the planted ones without their change). */
    BoardMeasures(long seed, List<PlantedChanges.Change> changes) {
        this.seed = seed;
        this.changes = changes;
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) months.add(m);
    }

    /** [--without-changes] [FILE]: the sample file, or its control with no planted change (to compare against). */
    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean without = rest.remove("--without-changes");
        Path out = rest.isEmpty() ? FILE : Path.of(rest.get(0));
        List<String> lines = new BoardMeasures(SEED, without ? List.of() : PlantedChanges.ALL).generate();
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.printf("wrote %d rows (%s .. %s, seed %d%s) to %s%n", lines.size() - 1, FIRST, LAST, SEED,
                without ? ", no planted change" : "", out);
        if (!without)
            for (PlantedChanges.Change c : PlantedChanges.ALL)
                System.out.printf("planted: %s, %s, %s .. %s: %s%n", c.metric(), c.area(), c.from(), c.to(), c.story());
    }

    /** The file's lines, header first. */
    List<String> generate() {
        lines.clear();
        lines.add(HEADER);
        callHandling();
        crime();
        victimsAndCommunities();
        return lines;
    }

    private void callHandling() {
        long[] calls999 = counts("calls_999", FORCE, 10_300, CALLS, 4);
        write("calls_999", "force", FORCE, calls999);
        long[] calls101 = counts("calls_101", FORCE, 21_000, new Season(0.07, JULY), 6);
        write("calls_101", "force", FORCE, calls101);
        rate("abandonment_999", calls999, 1.0, new Season(0.07, JULY));
        rate("abandonment_101_secondary", thinned("calls_101:secondary", calls101, 0.33), 14.5, new Season(0.3, AUGUST));
        rate("calls_answered_30s", thinned("calls_101:answered", calls101, 0.93), 93.0, new Season(0.12, FEBRUARY));
        write("incidents_grade1", "force", FORCE, counts("incidents_grade1", FORCE, 2_400, new Season(0.06, JULY), 3));
        write("incidents_grade2", "force", FORCE, counts("incidents_grade2", FORCE, 5_200, new Season(0.05, JULY), 3));
        measured("response_time_grade1_urban", 9.4, new Season(0.3, JANUARY), 0.35, 1);
        measured("response_time_grade1_rural", 15.2, new Season(0.5, JANUARY), 0.6, 1);
        measured("imu_queue", 340, new Season(20, JANUARY), 40, 0);
    }

    /** Crime: totals are sums of their parts, so a change planted in a part shows in every total that holds it. */
    private void crime() {
        long[] forceBurglary = new long[months.size()], districtsCrime = new long[months.size()];
        for (District d : DISTRICTS) {
            long[] burglary = counts("burglary_dwelling", d.name(), d.dwellingBurglary(), new Season(0.12, DECEMBER), 1.5);
            write("burglary_dwelling", "district", d.name(), burglary);
            long[] all = plus(burglary, counts("recorded_crime_all:other", d.name(), d.allCrime() - d.dwellingBurglary(), CRIME, 2));
            write("recorded_crime_all", "district", d.name(), all);
            forceBurglary = plus(forceBurglary, burglary);
            districtsCrime = plus(districtsCrime, all);
        }
        write("burglary_incidents", "force", FORCE, thinned("burglary_incidents", forceBurglary, 0.9));
        // the board table's all crime also counts crimes with no location in a district (police.uk: about 270 a month)
        write("tbl_all_crime", "force", FORCE, plus(districtsCrime, counts("tbl_all_crime:unlocated", FORCE, 270, CRIME, 2)));
        write("robbery", "force", FORCE, counts("robbery", FORCE, 51, new Season(0.10, NOVEMBER), 1.5));

        long[] da = counts("tbl_da_crime", FORCE, 950, new Season(0.06, JULY), 2.5);
        write("tbl_da_crime", "force", FORCE, da);
        long[] daOutcomes = rate("ppo_rate_da", da, 12.0, new Season(0.4, MARCH));
        write("ppo_count_all", "force", FORCE, plus(daOutcomes, counts("ppo_count_all:other", FORCE, 700, new Season(0.03, MARCH), 2)));

        long[] csa = counts("recorded_crime_csa", FORCE, 63, new Season(0.08, MARCH), 1.5);
        write("recorded_crime_csa", "force", FORCE, csa);
        write("tbl_csa_crime", "force", FORCE, plus(csa, counts("tbl_csa_crime:other", FORCE, 4, Season.NONE, 1)));
        long[] rape = counts("tbl_rape_crime", FORCE, 66, new Season(0.08, JULY), 1.3);
        write("tbl_rape_crime", "force", FORCE, rape);
        write("tbl_sso_crime", "force", FORCE, plus(rape, counts("tbl_sso_crime:other", FORCE, 69, new Season(0.06, JULY), 1.3)));
        long[] slavery = counts("modern_slavery", FORCE, 4, new Season(0.10, JULY), 1.2);
        write("modern_slavery", "force", FORCE, slavery);
        write("tbl_ms_crime", "force", FORCE, plus(slavery, counts("tbl_ms_crime:other", FORCE, 2.5, Season.NONE, 1.2)));
    }

    private void victimsAndCommunities() {
        rate("survey_confidence", counts("survey_confidence:respondents", FORCE, 400, Season.NONE, 1), 77.5, new Season(1.0, JUNE));
        rate("victim_satisfaction", counts("victim_satisfaction:surveyed", FORCE, 220, Season.NONE, 1), 74.0, new Season(1.0, JUNE));
    }

    /** A count per month: negative binomial (variance phi × mean) around the level, its season and any planted change. */
    private long[] counts(String series, String area, double level, Season season, double phi) {
        long[] out = new long[months.size()];
        for (int i = 0; i < out.length; i++) {
            YearMonth m = months.get(i);
            out[i] = draws(series + "/" + area, m).overdispersed(PlantedChanges.apply(changes, series, area, m, level * Math.exp(season.at(m))), phi);
        }
        return out;
    }

    /** Each of the counts kept with probability p (e.g. the 101 calls that reach the secondary line). */
    private long[] thinned(String series, long[] counts, double p) {
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) out[i] = draws(series, months.get(i)).binomial(counts[i], p);
        return out;
    }

    /** A force rate in percent, binomial from its denominators; writes it and returns the numerators. */
    private long[] rate(String metric, long[] denominators, double percent, Season season) {
        long[] numerators = new long[denominators.length];
        for (int i = 0; i < numerators.length; i++) {
            YearMonth m = months.get(i);
            double p = PlantedChanges.apply(changes, metric, FORCE, m, percent + season.at(m)) / 100;
            numerators[i] = draws(metric + "/" + FORCE, m).binomial(denominators[i], p);
            String value = decimal(100.0 * numerators[i] / denominators[i], 2);
            lines.add(String.join(",", m.toString(), metric, "force", FORCE, value,
                    Long.toString(numerators[i]), Long.toString(denominators[i])));
        }
        return numerators;
    }

    /** A force measure that is neither a count nor a rate (minutes, a queue): normal around its level and season. */
    private void measured(String metric, double level, Season season, double sd, int decimals) {
        for (YearMonth m : months) {
            double v = Math.max(0, PlantedChanges.apply(changes, metric, FORCE, m, level + season.at(m)) + sd * draws(metric, m).normal());
            lines.add(String.join(",", m.toString(), metric, "force", FORCE, decimal(v, decimals), "", ""));
        }
    }

    /** Each series-month draws from its own stream, so a change planted in one month leaves every other month as it was. */
    private Draws draws(String series, YearMonth month) { return new Draws(seed, series + "/" + month); }

    private void write(String metric, String areaType, String area, long[] counts) {
        for (int i = 0; i < counts.length; i++)
            lines.add(String.join(",", months.get(i).toString(), metric, areaType, area, Long.toString(counts[i]), "", ""));
    }

    private static long[] plus(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < out.length; i++) out[i] = a[i] + b[i];
        return out;
    }

    private static String decimal(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
