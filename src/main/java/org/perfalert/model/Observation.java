package org.perfalert.model;

import java.time.YearMonth;

/**
 * One value of one metric, for one area, for one calendar month.
 * numerator / denominator are null when not given.
 */
public record Observation(YearMonth month, String metric, AreaType areaType, String area,
                          double value, Long numerator, Long denominator) {

    public Area place() { return new Area(areaType, area); }

    public SeriesKey key() { return new SeriesKey(metric, areaType, area); }

    public boolean hasFraction() { return numerator != null && denominator != null; }
}
