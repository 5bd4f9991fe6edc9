package org.perfalert.model;

/** Identifies a series: one metric in one area. */
public record SeriesKey(String metric, AreaType areaType, String area) implements Comparable<SeriesKey> {
    @Override
    public int compareTo(SeriesKey o) {
        int c = metric.compareTo(o.metric);
        if (c != 0) return c;
        c = areaType.compareTo(o.areaType);
        return c != 0 ? c : area.compareTo(o.area);
    }
}
