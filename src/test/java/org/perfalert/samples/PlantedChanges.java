package org.perfalert.samples;

import java.time.YearMonth;
import java.util.List;

/**
 * The real changes planted in the synthetic board measures: what a lead should hear about in the demo. Everything
 * else is the measure's usual level, season and noise. Each change moves the expected figure of one series for
 * some months; the noise is drawn around the moved figure, and measures built from this one (totals, rates over
 * it) carry the change with them. samples/README.md lists the same changes for the demo's reader.
 */
final class PlantedChanges {
    private PlantedChanges() { }

    /** How a change moves the expected figure in a month of its window. */
    interface Effect { double apply(YearMonth month, double expected); }

    /** A planted change: the series, its first and last month, what a reader is told, and its effect. */
    record Change(String metric, String area, YearMonth from, YearMonth to, String story, Effect effect) {
        boolean covers(String metric, String area, YearMonth month) {
            return this.metric.equals(metric) && this.area.equals(area) && !month.isBefore(from) && !month.isAfter(to);
        }
    }

    static final YearMonth DEMO_END = YearMonth.of(2025, 12);

    /** 101 line short-staffed in summer 2025: the extra percentage points of secondary-line abandonment, June to September. */
    private static final double[] ABANDONMENT_RISE = {8.0, 11.5, 10.5, 7.0};
    /** ... and the points lost from calls answered within 30 seconds in the same months. */
    private static final double[] ANSWERED_FALL = {3.5, 6.0, 5.0, 2.0};

    static final List<Change> ALL = List.of(
            new Change("modern_slavery", BoardMeasures.FORCE, YearMonth.of(2024, 10), YearMonth.of(2024, 10),
                    "an operation against labour exploitation records 12 more offences than usual in October 2024 "
                            + "(about 16 against 4); it shows in the board table's modern slavery too",
                    (m, e) -> e + 12),
            new Change("robbery", BoardMeasures.FORCE, YearMonth.of(2024, 10), YearMonth.of(2024, 12),
                    "a spate of street robberies in autumn 2024: six in ten more than usual from October to December "
                            + "(about 85 a month against 55), back to usual from January 2025",
                    (m, e) -> e * 1.6),
            new Change("burglary_dwelling", "Huntingdonshire", YearMonth.of(2025, 6), DEMO_END,
                    "a step rise of half again (about 28 a month to 42) in Huntingdonshire from June 2025, "
                            + "carried into the force's dwelling burglary, burglary incidents and all recorded crime",
                    (m, e) -> e * 1.5),
            new Change("ppo_rate_da", BoardMeasures.FORCE, YearMonth.of(2025, 1), DEMO_END,
                    "a steady fall from 12% to 8% through 2025 (a third of a point a month); "
                            + "prosecution possible outcomes fall with it",
                    (m, e) -> e - 4.0 * m.getMonthValue() / 12),
            new Change("abandonment_101_secondary", BoardMeasures.FORCE, YearMonth.of(2025, 6), YearMonth.of(2025, 9),
                    "the 101 line short-staffed in summer 2025: about 22%, 26%, 25% and 21% from June to September, "
                            + "above the 20% threshold, back to about 14% from October",
                    (m, e) -> e + ABANDONMENT_RISE[m.getMonthValue() - 6]),
            new Change("calls_answered_30s", BoardMeasures.FORCE, YearMonth.of(2025, 6), YearMonth.of(2025, 9),
                    "the same summer: about 89.5%, 87%, 88% and 91% from June to September, "
                            + "under the 90% threshold in June to August, back to about 93% from October",
                    (m, e) -> e - ANSWERED_FALL[m.getMonthValue() - 6]));

    /** The expected figure of a series in a month, after each of these changes planted there. */
    static double apply(List<Change> changes, String metric, String area, YearMonth month, double expected) {
        for (Change c : changes) if (c.covers(metric, area, month)) expected = c.effect().apply(month, expected);
        return expected;
    }

    /** Whether a change is planted in this series and month. */
    static boolean planted(String metric, String area, YearMonth month) {
        return ALL.stream().anyMatch(c -> c.covers(metric, area, month));
    }
}
