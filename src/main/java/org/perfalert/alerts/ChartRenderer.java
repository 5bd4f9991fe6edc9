package org.perfalert.alerts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.ValueMarker;
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

    static { System.setProperty("java.awt.headless", "true"); }

    private ChartRenderer() { }

    /** The PNG, or null when there are no values to draw. */
    public static byte[] png(String title, SortedMap<YearMonth, Double> values, YearMonth marked) {
        if (values.isEmpty()) return null;
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
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Month month(YearMonth m) { return new Month(m.getMonthValue(), m.getYear()); }
}
