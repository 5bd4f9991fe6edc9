package org.perfalert.digest;

import javax.imageio.ImageIO;
import java.awt.*;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;

/**
 * A word-sized line chart of a series' recent months: grey line, the last month as a dot coloured by the
 * exception's direction (red concern, green improvement, blue neutral). Drawn at twice its display size so it
 * stays sharp on high-density screens.
 */
public final class Sparkline {
    public static final int WIDTH = 120, HEIGHT = 28, SCALE = 2;

    static { System.setProperty("java.awt.headless", "true"); }

    private Sparkline() { }

    /** The PNG, or null when fewer than two months have values. */
    public static byte[] png(SortedMap<YearMonth, Double> values, String direction) {
        if (values.size() < 2) return null;
        YearMonth first = values.firstKey(), last = values.lastKey();
        long span = Math.max(1, months(first, last));
        double min = values.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (max == min) { max += 1; min -= 1; }
        int w = WIDTH * SCALE, h = HEIGHT * SCALE, pad = 4 * SCALE;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            double lx = 0, ly = 0;
            for (Map.Entry<YearMonth, Double> e : values.entrySet()) {
                double x = pad + (w - 2.0 * pad) * months(first, e.getKey()) / span;
                double y = h - pad - (h - 2.0 * pad) * (e.getValue() - min) / (max - min);
                if (started) line.lineTo(x, y); else line.moveTo(x, y);
                started = true;
                lx = x; ly = y;
            }
            g.setColor(new Color(0x8a9bb0));
            g.setStroke(new BasicStroke(1.6f * SCALE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            g.setColor(switch (direction == null ? "" : direction) {
                case "concern" -> new Color(0xc0392b);
                case "improvement" -> new Color(0x1e8449);
                default -> new Color(0x1f4e79);
            });
            double r = 3.2 * SCALE;
            g.fill(new java.awt.geom.Ellipse2D.Double(lx - r, ly - r, 2 * r, 2 * r));
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long months(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
    }
}
