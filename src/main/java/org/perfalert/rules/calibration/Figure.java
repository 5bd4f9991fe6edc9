package org.perfalert.rules.calibration;

import org.perfalert.model.Calibrated;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calibrated statistic of one figure (a series at month M), SIGNALS.md section 1, as the rules
 * read it: every statistic null where it cannot be computed. The S1–S3 decisions made with the
 * calibration's own settings are here too (they decide which months φ leaves out); the rule file
 * restates them as comparisons on these statistics (pAdjustedUp ≤ q, cusumUp > h, …).
 */
public final class Figure {
    private final CalibratedMonth m;
    private final int i;

    Figure(CalibratedMonth month, int series) {
        this.m = month;
        this.i = series;
    }

    private static Double or(double v) { return Double.isNaN(v) ? null : v; }

    private static YearMonth monthOr(int index) { return index == CalibratedMonth.NONE ? null : SeriesInput.month(index); }

    public SeriesInput getInput() { return m.input(i); }
    public YearMonth getMonth() { return m.yearMonth(); }
    public double getValue() { return m.input(i).value(m.month); }
    /** How the statistic was made (count, rate or other), or null when there is none. */
    public CalibratedMonth.Kind getKind() { return m.kind[i]; }
    /** True when the figure has a z. */
    public boolean isCalibrated() { return !Double.isNaN(m.z[i]); }

    // --- one month: E, φ, z (SIGNALS.md 1.2-1.4; Laney p′ and moving ranges for other units) ---
    /** E(M); for rates 100·p̄(M); for other units the mean of the 12 months before M. */
    public Double getExpected() { return or(m.expected[i]); }
    /** φ(M); σ_z² for rates; null for other units. */
    public Double getPhi() { return or(m.phi[i]); }
    public Double getZ() { return or(m.z[i]); }
    /** n: the months in φ (counts), the moving ranges (rates, other units). */
    public Integer getMonths() { return Double.isNaN(m.months[i]) ? null : (int) m.months[i]; }
    /** Degrees of freedom of the t test: n + N0 (counts only). */
    public Double getDf() { return or(m.df[i]); }
    public Double getPUp() { return or(m.pUp[i]); }
    public Double getPDown() { return or(m.pDown[i]); }
    /** Benjamini–Hochberg adjusted p over the month's family, null when not eligible in that direction. */
    public Double getPAdjustedUp() { return or(m.pAdjustedUp[i]); }
    public Double getPAdjustedDown() { return or(m.pAdjustedDown[i]); }
    /** The family size of the exceptional-* tests at M (the same for every figure of the month). */
    public int getTested() { return m.tested; }

    // --- CUSUMs (S2) ----------------------------------------------------------------------------
    /** C⁺(M) before any reset (a value above h is the signal), null in a month the CUSUM skipped. */
    public Double getCusumUp() { return or(m.cusumUp[i]); }
    public Double getCusumDown() { return or(m.cusumDown[i]); }
    /** The first month of the current climb of C⁺ (null when C⁺ is 0). */
    public YearMonth getSinceUp() { return monthOr(m.sinceUp[i]); }
    public YearMonth getSinceDown() { return monthOr(m.sinceDown[i]); }

    // --- year on year (S3) ----------------------------------------------------------------------
    /** A: the sum of the 12 months ending at M. */
    public Double getRollingTotal() { return or(m.rolling[i]); }
    /** B: the sum of the 12 months before those. */
    public Double getPreviousTotal() { return or(m.previous[i]); }
    public Double getZYear() { return or(m.zYear[i]); }
    /** A/B − 1 (null when B = 0). */
    public Double getChange() { return or(m.change[i]); }
    /**
     * 100·(A − B)/B, the year-on-year change in percent (null when B = 0 or a month is missing). Written
     * so that a change of exactly 10 % is 10 exactly: the rules compare it with a whole number.
     */
    public Double getChangePct() {
        double a = m.rolling[i], b = m.previous[i];
        return b > 0 && !Double.isNaN(a) ? 100 * (a - b) / b : null;
    }
    public Double getPYearUp() { return or(m.pYearUp[i]); }
    public Double getPYearDown() { return or(m.pYearDown[i]); }
    public Double getPYearAdjustedUp() { return or(m.pYearAdjustedUp[i]); }
    public Double getPYearAdjustedDown() { return or(m.pYearAdjustedDown[i]); }
    public int getTestedYear() { return m.testedYear; }

    // --- benchmark: the months since the last March against the same months a year before ------
    public YearMonth getBenchmarkMonth() { return SeriesInput.month(m.benchmarkMonth); }
    public Double getBenchmarkRolling() { return or(m.benchmarkRolling[i]); }
    public Double getBenchmarkPrevious() { return or(m.benchmarkPrevious[i]); }
    public Double getZBench() { return or(m.zBench[i]); }

    // --- the decisions made with the calibration's settings ---------------------------------------
    public boolean isExceptionalHigh() { return m.signal(i, CalibratedMonth.EXCEPTIONAL_HIGH); }
    public boolean isExceptionalLow() { return m.signal(i, CalibratedMonth.EXCEPTIONAL_LOW); }
    public boolean isSustainedRise() { return m.signal(i, CalibratedMonth.SUSTAINED_RISE); }
    public boolean isSustainedFall() { return m.signal(i, CalibratedMonth.SUSTAINED_FALL); }
    public boolean isYearOnYearRise() { return m.signal(i, CalibratedMonth.YEAR_ON_YEAR_RISE); }
    public boolean isYearOnYearFall() { return m.signal(i, CalibratedMonth.YEAR_ON_YEAR_FALL); }

    /** z(M − k) as computed when that month was evaluated (NaN when it had none). */
    public double zMonthsAgo(int k) { return m.zAt(i, m.month - k); }

    /** SIGNALS.md 3's `calibrated`: expected, phi, z, z_year (null members where not computable). */
    public Map<String, Object> calibrated() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("expected", getExpected());
        c.put("phi", getPhi());
        c.put("z", getZ());
        c.put("z_year", getZYear());
        return c;
    }

    /** The same as a model value, for an exception's assessment. */
    public Calibrated toCalibrated() { return new Calibrated(getExpected(), getPhi(), getZ(), getZYear()); }

    @Override
    public String toString() {
        SeriesInput s = m.input(i);
        return s.metric() + " " + s.level().id() + ":" + s.area() + " " + getMonth() + " E=" + getExpected() + " phi="
                + getPhi() + " z=" + getZ();
    }
}
