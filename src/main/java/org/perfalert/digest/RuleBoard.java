package org.perfalert.digest;

import org.perfalert.model.*;
import org.perfalert.rules.*;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * The board tables and sparklines from the rule engine's own Series facts: the same derived totals, windows and
 * significance tests as the rules (CONTRACT.md 5), with the z limits and window lengths of rules/settings.properties.
 */
public final class RuleBoard implements BoardSource {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private final SeriesBuilder history;
    private final Areas areas;
    private final RuleSettings settings;
    private final Map<YearMonth, Map<SeriesKey, Series>> byMonth = new HashMap<>();

    public RuleBoard(SeriesBuilder history, Areas areas, RuleSettings settings) {
        this.history = history;
        this.areas = areas;
        this.settings = settings;
    }

    @Override
    public List<Digest.BoardRow> rows(List<Metric> metrics, YearMonth month) {
        List<Digest.BoardRow> out = new ArrayList<>();
        for (Metric m : metrics) {
            Series s = at(new SeriesKey(m.id(), AreaType.FORCE, areas.force()), month);
            if (s != null) out.add(row(m, s));
        }
        return out;
    }

    @Override
    public SortedMap<YearMonth, Double> values(SeriesKey series, YearMonth from, YearMonth to) {
        SortedMap<YearMonth, Double> out = new TreeMap<>();
        Series s = at(series, to);
        if (s == null) return out;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Double v = s.at(m);
            if (v != null) out.put(m, v);
        }
        return out;
    }

    private Series at(SeriesKey key, YearMonth month) {
        return byMonth.computeIfAbsent(month, mo -> {
            Map<SeriesKey, Series> map = new HashMap<>();
            for (Series s : history.seriesAt(mo)) map.put(new SeriesKey(s.getMetricId(), s.getLevel(), s.getArea()), s);
            return map;
        }).get(key);
    }

    private Digest.BoardRow row(Metric m, Series s) {
        List<String> same = new ArrayList<>();
        for (Double v : s.sameMonthPrevious(3)) same.add(v == null ? "\u2013" : s.format(v));
        int window = settings.whole("rolling.months");
        Benchmark b = s.benchmarkTest(settings.whole("benchmark.months"));
        String rolling = "\u2013", benchmark = "\u2013";
        if (b != null) {
            rolling = s.format(b.rolling());
            benchmark = s.format(b.benchmark());
        } else if (s.isCounted()) {
            Double r = s.rollingTotal(window), base = s.rolling(s.getBenchmarkMonth(), window);
            if (r != null) rolling = s.format(r);
            if (base != null) benchmark = s.format(base);
        }
        boolean hasBenchmark = !benchmark.equals("\u2013");
        return new Digest.BoardRow(m.id(), m.label(), s.getValueText(), same,
                compare(s.averageTest(settings.whole("average-1yr.months")), m.better()),
                compare(s.averageTest(settings.whole("average-3yr.months")), m.better()),
                rolling, benchmark, hasBenchmark ? s.getBenchmarkMonth().format(SHORT) : "",
                b == null ? Digest.Comparison.NONE : verdict(b.z(), b.test(), m.better()));
    }

    private Digest.Comparison compare(Significance t, Better better) {
        return t == null ? Digest.Comparison.NONE : verdict(t.z(), t.test(), better);
    }

    /** Higher / Lower / Comparable, or Improved / Deteriorated where the metric has a better direction. */
    Digest.Comparison verdict(double z, String test, Better better) {
        return Verdict.of(z, settings.significance(test), better);
    }
}
