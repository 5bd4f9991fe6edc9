package org.perfalert.bench.quality;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.perfalert.model.AreaType;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.SeasonalIndex;
import org.perfalert.rules.calibration.SeriesInput;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The simulated force's parameters (SIGNALS.md 5), estimated from the police.uk sample: for each crime
 * type a seasonal index and the extra-Poisson variation its districts share; for each district series
 * its mean and its own extra-Poisson variation. The model of a district count in month m:
 * <pre>  x ~ Poisson(μ · S_type(moy) · G_type(m) · H(m)),  G, H ~ Gamma with mean 1 and variance α_shared, α_own</pre>
 * so that Var(x) = μ' + μ'²·((1 + α_shared)(1 + α_own) − 1) with μ' = μ·S (negative binomial when one
 * factor is 1); G is shared by the type's districts in a month.
 * <p>
 * Estimation, by the method of moments over the 24 sample months (2024-01 … 2025-12), districts only
 * ("No location" and "Outside force area" are left out; the simulated force is the sum of its districts):
 * <ol>
 * <li>S_type: the calibration's own seasonal fit (log(F + 0.5) on a trend and one harmonic) of the
 *     type's force total;</li>
 * <li>per district series: y = x/S; a straight line through y by least squares gives the mean μ (its
 *     value mid-sample, which is the mean of y) and the fitted values μ̂(m) = S·(μ + slope·(m − mid));
 *     residuals e = x − μ̂;</li>
 * <li>α (all extra-Poisson variation) = max(0, (Σe²·n/(n − 2) − Σμ̂)/Σμ̂²);</li>
 * <li>α_shared per type = max(0, Σ over months and district pairs of e_i·e_j / Σ μ̂_i·μ̂_j), the
 *     covariance the districts have in common (a police operation, the weather, recording changes);</li>
 * <li>α_own = max(0, (1 + α)/(1 + α_shared) − 1).</li>
 * </ol>
 * The trend is taken out to estimate the variation but not simulated: the no-change force is flat
 * apart from its season.
 */
record ForceModel(List<String> types, List<String> districts, double[][] season, double[] sharedAlpha,
                  double[][] mean, double[][] ownAlpha) {

    static final String SAMPLE = "samples/policeuk/cambridgeshire_street_monthly_by_district.csv";
    static final String ASB = "Anti-social behaviour";

    /** policeuk.&lt;slug&gt;, as the street-file reader names a crime type's metric. */
    static String metricOf(String crimeType) {
        return "policeuk." + crimeType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** True for the types in policeuk.all_crime (all but anti-social behaviour). */
    boolean inAllCrime(int type) { return !types.get(type).equals(ASB); }

    /** The mean of a type's force series: the sum of its district means. */
    double forceMean(int type) { return Arrays.stream(mean[type]).sum(); }

    static ForceModel estimate(Path repo, List<String> districts) throws IOException {
        Map<String, double[][]> counts = new TreeMap<>(); // type → [district][month]
        SortedSet<YearMonth> months = new TreeSet<>();
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(repo.resolve(SAMPLE))) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        records.forEach(r -> months.add(YearMonth.parse(r.get("month"))));
        YearMonth first = months.first();
        int n = months.size();
        for (CSVRecord r : records) {
            int d = districts.indexOf(r.get("area"));
            if (d < 0) continue;
            double[][] c = counts.computeIfAbsent(r.get("crime_type"), k -> {
                double[][] a = new double[districts.size()][n];
                for (double[] row : a) Arrays.fill(row, Double.NaN);
                return a;
            });
            c[d][(int) first.until(YearMonth.parse(r.get("month")), java.time.temporal.ChronoUnit.MONTHS)] = Double.parseDouble(r.get("count"));
        }
        List<String> types = new ArrayList<>(counts.keySet());
        int k = types.size(), nd = districts.size();
        double[][] season = new double[k][], mean = new double[k][nd], own = new double[k][nd];
        double[] shared = new double[k];
        int firstIndex = SeriesInput.monthIndex(first);
        for (int t = 0; t < k; t++) {
            double[][] x = counts.get(types.get(t));
            double[] force = new double[n];
            for (int m = 0; m < n; m++) for (int d = 0; d < nd; d++) force[m] += x[d][m];
            if (Double.isNaN(Arrays.stream(force).sum())) throw new IllegalStateException(types.get(t) + ": a district month is missing");
            season[t] = SeasonalIndex.of(SeriesInput.count(types.get(t), AreaType.FORCE, "force", firstIndex, force),
                    firstIndex + n, CalibrationSettings.DEFAULTS);
            double[][] fitted = new double[nd][n], residual = new double[nd][n];
            double[] alpha = new double[nd];
            for (int d = 0; d < nd; d++) alpha[d] = fit(x[d], season[t], firstIndex, fitted[d], residual[d], mean[t], d);
            double cross = 0, scale = 0;
            for (int m = 0; m < n; m++)
                for (int i = 0; i < nd; i++)
                    for (int j = i + 1; j < nd; j++) { cross += residual[i][m] * residual[j][m]; scale += fitted[i][m] * fitted[j][m]; }
            shared[t] = Math.max(0, cross / scale);
            for (int d = 0; d < nd; d++) own[t][d] = Math.max(0, (1 + alpha[d]) / (1 + shared[t]) - 1);
        }
        return new ForceModel(List.copyOf(types), List.copyOf(districts), season, shared, mean, own);
    }

    /** The line through x/S (mean stored in means[d]), its fitted values and residuals; returns α. */
    private static double fit(double[] x, double[] season, int firstIndex, double[] fitted, double[] residual, double[] means, int d) {
        int n = x.length;
        double mid = (n - 1) / 2.0, ySum = 0, sxy = 0, sxx = 0;
        double[] y = new double[n];
        for (int m = 0; m < n; m++) { y[m] = x[m] / season[Math.floorMod(firstIndex + m, 12)]; ySum += y[m]; }
        double level = ySum / n;
        for (int m = 0; m < n; m++) { sxy += (m - mid) * (y[m] - level); sxx += (m - mid) * (m - mid); }
        double slope = sxy / sxx, squares = 0, fittedSum = 0, fittedSquares = 0;
        for (int m = 0; m < n; m++) {
            fitted[m] = Math.max(0.5, season[Math.floorMod(firstIndex + m, 12)] * (level + slope * (m - mid)));
            residual[m] = x[m] - fitted[m];
            squares += residual[m] * residual[m];
            fittedSum += fitted[m];
            fittedSquares += fitted[m] * fitted[m];
        }
        means[d] = level;
        return Math.max(0, (squares * n / (n - 2) - fittedSum) / fittedSquares);
    }
}
