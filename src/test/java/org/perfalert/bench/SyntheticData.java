package org.perfalert.bench;

import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;
import java.util.function.Consumer;

/**
 * Seeded synthetic monthly figures at a chosen scale: a force (or England and Wales) with its areas
 * and districts, and counts, rates (with numerators and denominators) and percents over some months.
 * Figures are made one metric at a time from the seed, so the whole data set never has to be held:
 * the same seed always gives the same figures, and the engine and the baseline can each read them.
 * Counts of areas and the force are the sums of their districts; a few district months are missing.
 */
public final class SyntheticData {
    /** How big: the hierarchy, the metrics by kind, the months. */
    public record Scale(String name, String force, int areas, int districts, int counts, int rates, int percents,
                        int months, YearMonth first, long seed) {
        public int metrics() { return counts + rates + percents; }
        public int places() { return 1 + areas + districts; }
        public long series() { return (long) metrics() * places(); }
        public YearMonth last() { return first.plusMonths(months - 1); }
    }

    public static final int COUNTS = 170, RATES = 70, PERCENTS = 50;
    public static final YearMonth FIRST = YearMonth.of(2022, 1);

    /** England and Wales: 43 forces as areas, 301 community safety partnerships; 100,050 series. */
    public static Scale national(int months) {
        return new Scale("national", "England and Wales", 43, 301, COUNTS, RATES, PERCENTS, months, FIRST, 7);
    }

    /** k times a typical force (2 policing areas and 7 districts): 290 × (1 + 9k) series. */
    public static Scale forces(int k, int months) {
        return new Scale(k + "x force", "Force", 2 * k, 7 * k, COUNTS, RATES, PERCENTS, months, FIRST, 11);
    }

    /**
     * The synthetic force of the whole-process benchmark (issue 16): 500 counts and 500 rates, a force
     * with 2 areas and 6 districts (9 places), 48 months; its file gives the districts only (288,000 rows).
     */
    public static Scale syntheticForce() {
        return new Scale("synthetic force", "Force", 2, 6, 500, 500, 0, 48, FIRST, 16);
    }

    /** A small scale for tests: few metrics, one area of a few districts. */
    public static Scale small(long seed) {
        return new Scale("small", "Force", 2, 5, 6, 4, 3, 48, FIRST, seed);
    }

    /** One metric's figures in every place, indexed [place][month]; NaN where missing. */
    public record Block(Metric metric, double[][] values, long[][] numerators, long[][] denominators) { }

    private final Scale scale;
    private final Areas areas;
    private final List<Area> places;
    private final int[] parentOf;      // place index of each place's parent (force: -1)
    private final List<Metric> metrics = new ArrayList<>();
    private final YearMonth[] months;

    public SyntheticData(Scale scale) {
        this.scale = scale;
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        int widthA = String.valueOf(scale.areas).length(), widthD = String.valueOf(scale.districts).length();
        for (int a = 0; a < scale.areas; a++) byArea.put(String.format("Area %0" + widthA + "d", a + 1), new ArrayList<>());
        List<String> areaNames = new ArrayList<>(byArea.keySet());
        for (int d = 0; d < scale.districts; d++) // districts spread evenly over the areas
            byArea.get(areaNames.get(d * scale.areas / scale.districts)).add(String.format("District %0" + widthD + "d", d + 1));
        areas = new Areas(scale.force, byArea);
        places = areas.all();
        parentOf = new int[places.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < places.size(); i++) index.put(places.get(i).name(), i);
        for (int i = 0; i < places.size(); i++) {
            Area p = places.get(i);
            parentOf[i] = switch (p.type()) {
                case FORCE -> -1;
                case AREA -> 0;
                case DISTRICT -> index.get(areas.areaOf(p.name()).orElseThrow());
            };
        }
        Better[] better = Better.values();
        for (int i = 0; i < scale.metrics(); i++) {
            Unit unit = i < scale.counts ? Unit.COUNT : Unit.PERCENT;
            String kind = i < scale.counts ? "count" : i < scale.counts + scale.rates ? "rate" : "percent";
            // every fifth percent has limits so the threshold rules have something to do
            boolean limits = kind.equals("percent") && i % 5 == 0;
            metrics.add(new Metric(String.format("%s_%03d", kind, i), "Synthetic " + kind + " " + i, unit,
                    better[i % better.length], "Theme " + (i % 7), null, limits ? 70.0 : null, limits ? 30.0 : null));
        }
        months = new YearMonth[scale.months];
        for (int m = 0; m < scale.months; m++) months[m] = scale.first.plusMonths(m);
    }

    public Scale scale() { return scale; }
    public Areas areas() { return areas; }
    public Catalogue catalogue() { return new Catalogue(metrics); }
    public List<Area> places() { return places; }
    public YearMonth month(int i) { return months[i]; }
    public YearMonth lastMonth() { return months[months.length - 1]; }

    /** Makes each metric's block in turn (deterministic from the seed and the metric's position). */
    public void forEachBlock(Consumer<Block> each) {
        for (int i = 0; i < metrics.size(); i++) each.accept(block(i));
    }

    private Block block(int i) {
        Metric metric = metrics.get(i);
        Random r = new Random(scale.seed * 1_000_003L + i);
        int n = places.size(), months = scale.months;
        double[][] v = new double[n][months];
        boolean rate = metric.unit() != Unit.COUNT && i < scale.counts + scale.rates;
        long[][] num = rate ? new long[n][months] : null, den = rate ? new long[n][months] : null;
        for (int p = n - 1; p >= 0; p--) {
            boolean district = places.get(p).type() == AreaType.DISTRICT;
            if (rate) { if (district) fillRate(r, num[p], den[p], v[p]); }
            else if (district || metric.unit() != Unit.COUNT) fillOwn(r, metric, v[p]);
        }
        // totals of counts and rates are sums over the districts under them (districts come last)
        if (metric.unit() == Unit.COUNT || rate) {
            for (int p = n - 1; p >= 1; p--) {
                if (places.get(p).type() != AreaType.DISTRICT) continue;
                for (int q = parentOf[p]; q >= 0; q = parentOf[q])
                    for (int m = 0; m < months; m++) {
                        if (rate) { num[q][m] += num[p][m]; den[q][m] += den[p][m]; }
                        else v[q][m] += v[p][m];
                    }
            }
            if (rate) for (int p = 0; p < n; p++)
                if (places.get(p).type() != AreaType.DISTRICT)
                    for (int m = 0; m < months; m++) v[p][m] = 100.0 * num[p][m] / den[p][m];
        }
        // gaps: a few district months are missing (totals above stay as given)
        for (int p = 0; p < n; p++)
            if (places.get(p).type() == AreaType.DISTRICT)
                for (int m = 0; m < months; m++) if (r.nextInt(400) == 0) v[p][m] = Double.NaN;
        return new Block(metric, v, num, den);
    }

    /** A count (Poisson-like around a level with a drift and a season) or a percent (one decimal). */
    private void fillOwn(Random r, Metric metric, double[] v) {
        boolean count = metric.unit() == Unit.COUNT;
        double level = count ? 5 + r.nextInt(300) : 20 + r.nextInt(60);
        double drift = (r.nextDouble() - 0.5) * (r.nextInt(4) == 0 ? 0.04 : 0.005);
        double season = r.nextDouble() * 0.15;
        for (int m = 0; m < v.length; m++) {
            double mean = level * (1 + drift * m) * (1 + season * Math.sin(2 * Math.PI * m / 12));
            double x = mean + r.nextGaussian() * (count ? Math.sqrt(Math.max(mean, 1)) : 4);
            v[m] = count ? Math.max(0, Math.round(x)) : Math.round(Math.min(100, Math.max(0, x)) * 10) / 10.0;
        }
    }

    private void fillRate(Random r, long[] num, long[] den, double[] v) {
        double p = 0.1 + 0.8 * r.nextDouble(), drift = (r.nextDouble() - 0.5) * 0.01;
        long size = 40 + r.nextInt(2000);
        for (int m = 0; m < v.length; m++) {
            den[m] = Math.max(1, Math.round(size * (1 + 0.1 * r.nextGaussian())));
            double pm = Math.min(0.99, Math.max(0.01, p + drift * m + 0.02 * r.nextGaussian()));
            num[m] = Math.round(den[m] * pm);
            v[m] = 100.0 * num[m] / den[m];
        }
    }

    /** Every figure as an Observation, made as it is read (nothing is held between metrics). */
    public Collection<Observation> observations() {
        return new AbstractCollection<>() {
            @Override public int size() { return (int) Math.min(Integer.MAX_VALUE, scale.series() * scale.months); }
            @Override public Iterator<Observation> iterator() {
                List<Observation> all = new ArrayList<>();
                return new Iterator<>() {
                    int metric = 0, at = 0;
                    @Override public boolean hasNext() {
                        while (at == all.size() && metric < metrics.size()) {
                            all.clear();
                            at = 0;
                            addObservations(block(metric++), all, 0, scale.months);
                        }
                        return at < all.size();
                    }
                    @Override public Observation next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        return all.get(at++);
                    }
                };
            }
        };
    }

    /** The observations of a block in months [from, to). */
    public void addObservations(Block b, List<Observation> out, int from, int to) {
        for (int p = 0; p < places.size(); p++) {
            Area place = places.get(p);
            for (int m = from; m < to; m++) {
                double v = b.values[p][m];
                if (Double.isNaN(v)) continue;
                Long num = b.numerators == null ? null : b.numerators[p][m];
                Long den = b.denominators == null ? null : b.denominators[p][m];
                out.add(new Observation(months[m], b.metric.id(), place.type(), place.name(), v, num, den));
            }
        }
    }

    /** Writes config/areas.yaml and config/metrics.yaml for this scale. */
    public void writeConfig(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder a = new StringBuilder("# synthetic: " + scale.name + "\nforce: " + yaml(areas.force()) + "\nareas:\n");
        for (String area : areas.areaNames()) {
            a.append("  ").append(yaml(area)).append(": [");
            a.append(String.join(", ", areas.districtsOf(area).stream().map(SyntheticData::yaml).toList())).append("]\n");
        }
        Files.writeString(dir.resolve("areas.yaml"), a);
        StringBuilder m = new StringBuilder("metrics:\n");
        for (Metric x : metrics) {
            m.append("  - id: ").append(x.id()).append("\n    label: ").append(x.label())
                    .append("\n    unit: ").append(x.unit().name().toLowerCase(Locale.ROOT))
                    .append("\n    better: ").append(x.better().name().toLowerCase(Locale.ROOT))
                    .append("\n    theme: ").append(x.theme()).append('\n');
            if (x.thresholdAbove() != null)
                m.append("    thresholds: { above: ").append(x.thresholdAbove()).append(", below: ").append(x.thresholdBelow()).append(" }\n");
        }
        Files.writeString(dir.resolve("metrics.yaml"), m);
    }

    private static String yaml(String s) { return "\"" + s + "\""; }

    /** Writes every month of the districts' figures as one tidy CSV file (totals are left to perfalert to derive). */
    public void writeDistrictFile(Path file) throws IOException { writeDistricts(file, 0, scale.months); }

    /** Writes one month of the districts' figures as a tidy CSV file. */
    public void writeDistrictMonthFile(Path file, int month) throws IOException { writeDistricts(file, month, month + 1); }

    private void writeDistricts(Path file, int from, int to) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            List<Observation> rows = new ArrayList<>();
            forEachBlock(b -> {
                rows.clear();
                addObservations(b, rows, from, to);
                for (Observation o : rows) if (o.areaType() == AreaType.DISTRICT) row(w, o);
            });
        }
    }

    /** Writes every figure as one tidy CSV file per month, month-YYYY-MM.csv (the form a force sends), in one pass. */
    public void writeMonthFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Writer[] w = new Writer[scale.months];
        try {
            for (int m = 0; m < scale.months; m++) {
                w[m] = Files.newBufferedWriter(dir.resolve("month-" + months[m] + ".csv"), StandardCharsets.UTF_8);
                w[m].write(HEADER);
            }
            List<Observation> rows = new ArrayList<>();
            forEachBlock(b -> {
                for (int m = 0; m < scale.months; m++) {
                    rows.clear();
                    addObservations(b, rows, m, m + 1);
                    for (Observation o : rows) row(w[m], o);
                }
            });
        } finally {
            for (Writer x : w) if (x != null) x.close();
        }
    }

    private static final String HEADER = "month,metric,area_type,area,value,numerator,denominator\n";

    private static void row(Writer w, Observation o) {
        try {
            w.write(o.month() + "," + o.metric() + "," + o.areaType().id() + "," + o.area() + "," + o.value() + ","
                    + (o.numerator() == null ? "" : o.numerator()) + "," + (o.denominator() == null ? "" : o.denominator()) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes one month of every figure as a tidy CSV file (the form a force sends each month). */
    public void writeMonthCsv(Path file, int month) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            List<Observation> rows = new ArrayList<>();
            forEachBlock(b -> {
                rows.clear();
                addObservations(b, rows, month, month + 1);
                for (Observation o : rows) row(w, o);
            });
        }
    }
}
