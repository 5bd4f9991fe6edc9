package org.perfalert.rules;

import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * An XmR (individuals and moving range) chart over the run of consecutive months ending at M
 * (CONTRACT.md 5, "SPC chart"). points are oldest first; the last one is M.
 */
public final class XmrChart {
    private final double[] points; // the chart's points are points[from .. from + size - 1]
    private final int from, size;
    private final double mean;
    private final double movingRange;
    private final double sigma;

    /**
     * @param points consecutive monthly values ending at M, oldest first
     * @param screen moving ranges at least screen × the mean moving range are left out once (3.267)
     * @param sigma  the limits lie sigma × the mean moving range from the mean (2.66)
     */
    public XmrChart(List<Double> points, double screen, double sigma) {
        this(points.stream().mapToDouble(Double::doubleValue).toArray(), 0, points.size(), screen, sigma);
    }

    /** Over size values of an array from a position: a series' own figures, not copied (a chart is made for every series). */
    XmrChart(double[] values, int from, int size, double screen, double sigma) {
        this.points = values;
        this.from = from;
        this.size = size;
        this.sigma = sigma;
        // sums are compensated (DoubleSummaryStatistics), as the chart has always summed
        DoubleSummaryStatistics sum = new DoubleSummaryStatistics();
        for (int i = 0; i < size; i++) sum.accept(point(i));
        this.mean = sum.getAverage();
        DoubleSummaryStatistics ranges = new DoubleSummaryStatistics();
        for (int i = 1; i < size; i++) ranges.accept(range(i));
        double mr = ranges.getAverage();
        if (mr > 0) {
            double cut = screen * mr;
            DoubleSummaryStatistics kept = new DoubleSummaryStatistics();
            for (int i = 1; i < size; i++) if (range(i) < cut) kept.accept(range(i));
            mr = kept.getAverage();
        }
        this.movingRange = mr;
    }

    /** The i-th point, oldest first. */
    private double point(int i) { return points[from + i]; }

    private double range(int i) { return Math.abs(point(i) - point(i - 1)); }

    public int getSize() { return size; }
    public double getMean() { return mean; }
    public double getMovingRange() { return movingRange; }
    public double getUpper() { return mean + sigma * movingRange; }
    public double getLower() { return mean - sigma * movingRange; }
    /** This month's value (the chart's last point). */
    public double getLast() { return point(size - 1); }

    public boolean isAboveUpper() { return getLast() > getUpper(); }
    public boolean isBelowLower() { return getLast() < getLower(); }

    /** +1 when M is strictly above the mean, −1 when strictly below, 0 on it. */
    public int getSide() { return Double.compare(getLast(), mean) > 0 ? 1 : getLast() < mean ? -1 : 0; }

    /** The number of points ending at M strictly on M's side of the mean (0 when M is on the mean). */
    public int getShiftRun() {
        int side = getSide();
        if (side == 0) return 0;
        int n = 0;
        for (int i = size - 1; i >= 0 && sideOf(point(i)) == side; i--) n++;
        return n;
    }

    private int sideOf(double v) { return v > mean ? 1 : v < mean ? -1 : 0; }

    /** The number of points in the strictly increasing or strictly decreasing run ending at M (ties break it). */
    public int getTrendRun() {
        int n = size;
        if (n < 2) return n;
        double last = point(n - 1), before = point(n - 2);
        if (last == before) return 1;
        boolean up = last > before;
        int run = 2;
        for (int i = n - 2; i >= 1; i--) {
            double a = point(i - 1), b = point(i);
            if (up ? b > a : b < a) run++;
            else break;
        }
        return run;
    }

    /** True when M is above the month before it (the direction of a trend). */
    public boolean isRising() { return size >= 2 && getLast() > point(size - 2); }

    /** The band's half width: (2/3) of the distance from the mean to a limit. */
    public double getBandWidth() { return 2.0 / 3.0 * sigma * movingRange; }

    /**
     * +1 (−1) when M and at least one of the two months before it lie strictly beyond the upper (lower)
     * band and within the limits (inclusive); 0 otherwise.
     */
    public int getTwoOfThreeSide() {
        int n = size;
        if (n < 3) return 0;
        for (int side = 1; side >= -1; side -= 2) {
            if (!inOuterBand(point(n - 1), side)) continue;
            if (inOuterBand(point(n - 2), side) || inOuterBand(point(n - 3), side)) return side;
        }
        return 0;
    }

    /** The band's edge on a side: mean ± band width. */
    public double band(int side) { return mean + side * getBandWidth(); }

    private boolean inOuterBand(double v, int side) {
        return side > 0 ? v > band(1) && v <= getUpper() : v < band(-1) && v >= getLower();
    }
}
