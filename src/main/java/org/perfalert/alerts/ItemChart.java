package org.perfalert.alerts;

import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.model.Metric;
import org.perfalert.model.Numbers;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.Unit;

import java.time.YearMonth;
import java.util.*;

/**
 * What an email item's chart shows: the statistic that fired, not always the monthly values. A 12-month-total rule
 * (rolling streaks, benchmark, only-district, year on year) is drawn as 12-month totals; SPC with its control limits;
 * a high or low with the previous maximum or minimum; an average rule with its average; a threshold with its limit;
 * a signal with the band expected of the month. Counts are drawn from zero. series: whose chart it is (two series
 * with the same figures still get a chart each).
 */
public record ItemChart(org.perfalert.model.SeriesKey series, String what, SortedMap<YearMonth, Double> values, YearMonth marked, List<Line> lines, Band band,
                        boolean fromZero) {

    /** A level drawn across the chart, e.g. "previous highest 27". */
    public record Line(String label, double value) { }

    /** A band drawn across the chart: what was expected of the month. */
    public record Band(String label, double lower, double upper) { }

    static final int MONTHS = ChartRenderer.MONTHS;

    /** The chart of an exception from the history its month was evaluated with (values empty: nothing to draw). */
    public static ItemChart of(PerformanceException e, Metric metric, SeriesHistory history) {
        YearMonth m = e.month();
        Map<String, Object> ev = e.evidence() == null ? Map.of() : e.evidence();
        boolean counts = metric == null || metric.unit() == Unit.COUNT;
        String rule = e.rule();
        if (isTwelveMonthTotal(rule, ev)) {
            SortedMap<YearMonth, Double> monthly = history.values(e.seriesKey(), m.minusMonths(MONTHS + 10), m);
            List<Line> lines = new ArrayList<>();
            Double bench = ItemWords.num(ev.get("benchmark")), previous = ItemWords.num(ev.get("previous_total"));
            if (bench != null) lines.add(new Line("year end " + ItemWords.write(metric, bench).get(0), bench));
            if (previous != null) lines.add(new Line("12 months before " + ItemWords.write(metric, previous).get(0), previous));
            return new ItemChart(e.seriesKey(), counts ? "12-month total" : "12-month average", rolling(monthly, m, counts), m, lines, null, counts);
        }
        SortedMap<YearMonth, Double> monthly = history.values(e.seriesKey(), m.minusMonths(MONTHS - 1), m);
        List<Line> lines = new ArrayList<>();
        Band band = null;
        Double mean = ItemWords.num(ev.get("mean"));
        if (rule.equals("spc-outside-limits")) {
            Double upper = ItemWords.num(ev.get("upper")), lower = ItemWords.num(ev.get("lower"));
            if (upper != null && lower != null && mean != null) {
                List<String> w = ItemWords.write(metric, upper, mean, lower, value(e));
                lines.add(new Line("upper limit " + w.get(0), upper));
                lines.add(new Line("average " + w.get(1), mean));
                lines.add(new Line("lower limit " + w.get(2), lower));
            }
        } else if (rule.startsWith("twelve-month-")) {
            boolean high = rule.endsWith("high");
            Double prev = ItemWords.num(ev.get(high ? "previous_max" : "previous_min"));
            if (prev != null) lines.add(new Line("previous " + (high ? "highest " : "lowest ") + ItemWords.write(metric, prev, value(e)).get(0), prev));
        } else if (rule.startsWith("threshold-")) {
            Double limit = ItemWords.num(ev.get("limit"));
            if (limit != null) lines.add(new Line("limit " + ItemWords.write(metric, limit, value(e)).get(0), limit));
        } else if (mean != null) {
            lines.add(new Line("average " + ItemWords.write(metric, mean, value(e)).get(0), mean));
        }
        Double expected = ItemWords.num(ev.get("expected"));
        if (expected != null && expected > 0) {
            Double phi = ItemWords.num(ev.get("phi"));
            double sd = Math.sqrt((phi == null ? 1 : phi) * expected * 13 / 12);
            double lower = Math.max(0, expected - 1.96 * sd), upper = expected + 1.96 * sd;
            List<String> w = Numbers.distinct(0, lower, upper);
            band = new Band("expected " + w.get(0) + " to " + w.get(1), lower, upper);
        }
        return new ItemChart(e.seriesKey(), "monthly figures", monthly, m, lines, band, counts);
    }

    /** v(M), which the levels drawn must not read the same as when they differ. */
    private static double value(PerformanceException e) {
        Double v = ItemWords.num(e.evidence() == null ? null : e.evidence().get("value"));
        return v == null ? Double.NaN : v;
    }

    /** Rules about a 12-month total: drawn as 12-month totals. */
    static boolean isTwelveMonthTotal(String rule, Map<String, Object> ev) {
        return rule.startsWith("rolling-") || rule.endsWith("-benchmark") || rule.startsWith("only-district-")
                || rule.startsWith("year-on-year-") || ev.containsKey("rolling_total") || ev.containsKey("previous_total");
    }

    /** The 12-month totals (averages for rates) ending at each of the 24 months to m that has 12 months behind it. */
    static SortedMap<YearMonth, Double> rolling(SortedMap<YearMonth, Double> monthly, YearMonth m, boolean sum) {
        SortedMap<YearMonth, Double> out = new TreeMap<>();
        for (YearMonth end = m.minusMonths(MONTHS - 1); !end.isAfter(m); end = end.plusMonths(1)) {
            double total = 0;
            int n = 0;
            for (YearMonth x = end.minusMonths(11); !x.isAfter(end); x = x.plusMonths(1)) {
                Double v = monthly.get(x);
                if (v != null) { total += v; n++; }
            }
            if (n == 12) out.put(end, sum ? total : total / 12);
        }
        return out;
    }
}
