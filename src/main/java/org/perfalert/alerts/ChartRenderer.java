package org.perfalert.alerts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.*;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;

/** Draws a series' last 24 months as a small PNG line chart, with the exception's month marked. */
public final class ChartRenderer {
    public static final int WIDTH = 560, HEIGHT = 220, MONTHS = 24;
    /** An email item's chart: small enough for three items to a screen. */
    public static final int ITEM_WIDTH = 400, ITEM_HEIGHT = 150;
    private static final Color LEVEL = new Color(0x566573);

    static { System.setProperty("java.awt.headless", "true"); }

    private ChartRenderer() { }

    /**
     * An email item's chart (the statistic that fired, {@link ItemChart}): its levels as dashed lines labelled with
     * their numbers, the expected band shaded, counts from zero; null when there are no values to draw.
     */
    public static byte[] png(ItemChart c) {
        if (c.values().isEmpty()) return null;
        JFreeChart chart = chart(c.what(), c.values(), c.marked());
        XYPlot plot = chart.getXYPlot();
        if (c.band() != null) {
            IntervalMarker band = new IntervalMarker(c.band().lower(), c.band().upper(), new Color(0x1f, 0x4e, 0x79, 40));
            band.setLabel(c.band().label());
            band.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        for (ItemChart.Line l : c.lines()) {
            ValueMarker line = new ValueMarker(l.value(), LEVEL, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{4f, 3f}, 0f));
            line.setLabel(l.label());
            line.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
            line.setLabelPaint(LEVEL);
            line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(line);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(c.fromZero());
        y.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        plot.getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        // the levels must be in view even when every value is on one side of them
        double lo = c.fromZero() ? 0 : Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Double v : c.values().values()) if (v != null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (ItemChart.Line l : c.lines()) { lo = Math.min(lo, l.value()); hi = Math.max(hi, l.value()); }
        if (c.band() != null) { lo = Math.min(lo, c.band().lower()); hi = Math.max(hi, c.band().upper()); }
        double pad = (hi - lo) * 0.08 + (hi == lo ? 1 : 0);
        y.setRange(c.fromZero() && lo >= 0 ? 0 : lo - pad, hi + pad);
        chart.setTitle(new org.jfree.chart.title.TextTitle(c.what(), new Font("SansSerif", Font.PLAIN, 11)));
        return write(chart, ITEM_WIDTH, ITEM_HEIGHT);
    }

    /** The PNG, or null when there are no values to draw. */
    public static byte[] png(String title, SortedMap<YearMonth, Double> values, YearMonth marked) {
        if (values.isEmpty()) return null;
        return write(chart(title, values, marked), WIDTH, HEIGHT);
    }

    private static JFreeChart chart(String title, SortedMap<YearMonth, Double> values, YearMonth marked) {
        TimeSeries ts = new TimeSeries(title);
        for (Map.Entry<YearMonth, Double> e : values.entrySet())
            if (e.getValue() != null) ts.add(month(e.getKey()), e.getValue());
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, null, new TimeSeriesCollection(ts), false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x1f4e79));
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(r);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MMM yy"));
        ValueMarker marker = new ValueMarker(month(marked).getFirstMillisecond(), new Color(0xc00000), new BasicStroke(1.5f));
        marker.setLabel(marked.getMonth().name().substring(0, 1) + marked.getMonth().name().substring(1, 3).toLowerCase()
                + " " + marked.getYear());
        marker.setLabelPaint(new Color(0xc00000));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);   // the month is usually the last point: label to its left
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.getDomainAxis().setUpperMargin(0.03);
        plot.addDomainMarker(marker);
        return chart;
    }

    private static byte[] write(JFreeChart chart, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Month month(YearMonth m) { return new Month(m.getMonthValue(), m.getYear()); }
}
