package org.perfalert.rules;

import org.perfalert.rules.calibration.CalibrationSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that shape a Series' statistics, read from settings.properties once per rule pack:
 * the windows (twelve-month.months, rolling.months, average-1yr.months, average-3yr.months,
 * benchmark.months, frequency.months, frequency.average-months), the z each kind of test must reach
 * (significance.*), the SPC chart's parameters (spc.max-points, spc.min-points, spc.screen, spc.sigma), and the
 * calibrated statistic's (signals.*, notable.min-z: {@link CalibrationSettings}). A rule then asks the Series plain
 * questions (average1yr, chart, yearOnYearChange, calibration …) and the numbers stay in the settings file.
 */
public final class SeriesSettings {
    static final String TWELVE_MONTH = "twelve-month.months", ROLLING = "rolling.months",
            AVERAGE_1YR = "average-1yr.months", AVERAGE_3YR = "average-3yr.months", BENCHMARK = "benchmark.months",
            SPC_MAX = "spc.max-points", SPC_MIN = "spc.min-points", SPC_SCREEN = "spc.screen", SPC_SIGMA = "spc.sigma",
            FREQUENCY = "frequency.months", FREQUENCY_AVERAGE = "frequency.average-months";
    static final List<String> TESTS = List.of("poisson", "binomial", "sample");

    /** The settings each of Series' bound properties needs (rules check names a missing one at the rule's line). */
    static final Map<String, List<String>> NEEDED_BY = neededBy();

    private static Map<String, List<String>> neededBy() {
        List<String> significance = TESTS.stream().map(t -> "significance." + t).toList();
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("previousMax", List.of(TWELVE_MONTH));
        m.put("previousMin", List.of(TWELVE_MONTH));
        m.put("risingRollingMonths", List.of(ROLLING));
        m.put("fallingRollingMonths", List.of(ROLLING));
        m.put("rollingTotal", List.of(ROLLING));
        m.put("yearOnYearChange", List.of(ROLLING));
        m.put("yearOnYearChangePct", List.of(ROLLING));
        m.put("rollingTotalYearAgo", List.of(ROLLING));
        m.put("rollingTotalMonthAgo", List.of(ROLLING));
        m.put("risingRollingMonthsBefore", List.of(ROLLING));
        m.put("fallingRollingMonthsBefore", List.of(ROLLING));
        m.put("rollingAverage", List.of(FREQUENCY_AVERAGE));
        m.put("monthsAboveAverage", List.of(FREQUENCY, FREQUENCY_AVERAGE));
        m.put("monthsBelowAverage", List.of(FREQUENCY, FREQUENCY_AVERAGE));
        m.put("monthsAboveAverageBefore", List.of(FREQUENCY, FREQUENCY_AVERAGE));
        m.put("monthsBelowAverageBefore", List.of(FREQUENCY, FREQUENCY_AVERAGE));
        m.put("average1yr", concat(AVERAGE_1YR, significance));
        m.put("average3yr", concat(AVERAGE_3YR, significance));
        m.put("benchmark", concat(BENCHMARK, significance));
        m.put("chart", List.of(SPC_MAX, SPC_MIN, SPC_SCREEN, SPC_SIGMA));
        return Map.copyOf(m);
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    /** For a Series made without rule settings: every bound question fails, naming its setting. */
    static final SeriesSettings NONE = new SeriesSettings(new RuleSettings(Map.of()));

    private final RuleSettings settings;
    private final int twelveMonth, rolling, average1yr, average3yr, benchmark, spcMaxPoints, spcMinPoints, frequency, frequencyAverage;
    private final double spcScreen, spcSigma, poisson, binomial, sample;
    private final CalibrationSettings calibration;
    private final String calibrationProblem;

    SeriesSettings(RuleSettings settings) {
        this.settings = settings;
        twelveMonth = whole(TWELVE_MONTH);
        rolling = whole(ROLLING);
        average1yr = whole(AVERAGE_1YR);
        average3yr = whole(AVERAGE_3YR);
        benchmark = whole(BENCHMARK);
        spcMaxPoints = whole(SPC_MAX);
        spcMinPoints = whole(SPC_MIN);
        frequency = whole(FREQUENCY);
        frequencyAverage = whole(FREQUENCY_AVERAGE);
        spcScreen = number(SPC_SCREEN);
        spcSigma = number(SPC_SIGMA);
        poisson = number("significance.poisson");
        binomial = number("significance.binomial");
        sample = number("significance.sample");
        CalibrationSettings c = null;
        String problem = null;
        try { c = CalibrationSettings.from(settings.values()); } catch (IllegalArgumentException e) { problem = e.getMessage(); }
        calibration = c;
        calibrationProblem = problem;
    }

    /** True for the settings of a rule pack; false for {@link #NONE} (a Series made without them has no calibration). */
    boolean known() { return this != NONE; }

    /** The calibrated statistic's settings (the signals.* settings; SIGNALS.md's default for each one absent). */
    CalibrationSettings calibration() {
        if (calibration == null) throw new IllegalStateException(RuleSettings.FILE + ": " + calibrationProblem);
        return calibration;
    }

    // a missing setting is kept as "none" and fails only when a rule asks a question that needs it
    private int whole(String name) { return settings.isNumber(name) ? settings.whole(name) : Integer.MIN_VALUE; }
    private double number(String name) { return settings.isNumber(name) ? settings.number(name) : Double.NaN; }

    int twelveMonthMonths() { return set(twelveMonth, TWELVE_MONTH); }
    int rollingMonths() { return set(rolling, ROLLING); }
    int average1yrMonths() { return set(average1yr, AVERAGE_1YR); }
    int average3yrMonths() { return set(average3yr, AVERAGE_3YR); }
    int benchmarkMonths() { return set(benchmark, BENCHMARK); }
    int spcMaxPoints() { return set(spcMaxPoints, SPC_MAX); }
    int spcMinPoints() { return set(spcMinPoints, SPC_MIN); }
    double spcScreen() { return set(spcScreen, SPC_SCREEN); }
    int frequencyMonths() { return set(frequency, FREQUENCY); }
    int frequencyAverageMonths() { return set(frequencyAverage, FREQUENCY_AVERAGE); }
    double spcSigma() { return set(spcSigma, SPC_SIGMA); }

    /** The z a one-sided test of this kind must reach (significance.poisson, .binomial or .sample). */
    double needed(String test) {
        return switch (test) {
            case "poisson" -> set(poisson, "significance.poisson");
            case "binomial" -> set(binomial, "significance.binomial");
            default -> set(sample, "significance.sample");
        };
    }

    /** As needed, but NaN when the setting is not known (a test asked with a window of the rule's choosing). */
    double neededIfSet(String test) {
        return switch (test) {
            case "poisson" -> poisson;
            case "binomial" -> binomial;
            default -> sample;
        };
    }

    private static int set(int value, String name) {
        if (value == Integer.MIN_VALUE) throw missing(name);
        return value;
    }

    private static double set(double value, String name) {
        if (Double.isNaN(value)) throw missing(name);
        return value;
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("setting \"" + name + "\" is not in " + RuleSettings.FILE + " (the Series question a rule asks needs it)");
    }
}
