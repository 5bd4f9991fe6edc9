package org.perfalert.ingest;

import org.perfalert.config.Configuration;
import org.perfalert.model.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Checks one tidy row against CONTRACT.md 1.1 and 1.4 and turns it into an observation. Every problem
 * is added to the list, naming where and how to fix it. Remembers the keys seen, to refuse duplicates.
 */
final class RowChecker {
    static final List<String> FIELDS = List.of("month", "metric", "area_type", "area", "value", "numerator", "denominator");
    static final List<String> REQUIRED = List.of("month", "metric", "value");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** Text that Java or a spreadsheet may write for a number that is not a figure. */
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** No monthly performance figure is older; earlier years are typing errors (0000, 1024 …). */
    static final YearMonth EARLIEST = YearMonth.of(1900, 1);

    private final Configuration cfg;
    private final YearMonth currentMonth;
    private final BigDecimal maxAbsValue;
    private final Map<List<Object>, String> seen = new HashMap<>();

    /** @param maxAbsValue the setting ingest.max-abs-value: figures further from zero are refused */
    RowChecker(Configuration cfg, YearMonth currentMonth, double maxAbsValue) {
        this.cfg = cfg;
        this.currentMonth = currentMonth;
        this.maxAbsValue = BigDecimal.valueOf(maxAbsValue);
    }

    /** The observation, or null when the row has problems (added to problems). */
    Observation check(RawRow row, List<String> problems) {
        int before = problems.size();
        YearMonth month = monthOf(row, problems);
        Metric metric = metric(row, problems);
        Area area = area(row, problems);
        Double value = decimal(row, "value", problems);
        Long num = whole(row, "numerator", problems);
        Long den = whole(row, "denominator", problems);
        if (row.get("value") == null) problems.add(row.where() + ": value is missing (give the month's figure as a number)");
        if (metric != null && value != null) checkRange(row, metric, value, problems);
        if (value != null) checkFraction(row, value, num, den, problems);
        if (month != null && metric != null && area != null) {
            // one string for metric and area: a list of them hashes so alike that 100,000 rows take minutes
            String first = seen.putIfAbsent(List.of(month, metric.id() + '\n' + area.type().id() + '\n' + area.name()), row.where());
            if (first != null)
                problems.add(row.where() + ": the same month, metric and area (" + month + ", " + metric.id() + ", "
                        + area.type().id() + " " + area.name() + ") is already given at " + first + " (keep only one of them)");
        }
        if (problems.size() > before) return null;
        return new Observation(month, metric.id(), area.type(), area.name(), value, num, den);
    }

    // A file holds a few months over and over: each month read well is kept, not parsed again per row.
    private final Map<String, YearMonth> monthsRead = new HashMap<>();

    private YearMonth monthOf(RawRow row, List<String> problems) {
        String text = row.get("month");
        YearMonth known = text == null ? null : monthsRead.get(text);
        if (known != null) return known;
        int before = problems.size();
        YearMonth m = month(text, row.where("month"), currentMonth, problems);
        if (m != null && problems.size() == before && monthsRead.size() < 10_000) monthsRead.put(text, m);
        return m;
    }

    /** Parses YYYY-MM, refusing other forms, months before 1900 and months after the current one. */
    static YearMonth month(String text, String where, YearMonth currentMonth, List<String> problems) {
        if (text == null) {
            problems.add(where + ": month is missing (write it as YYYY-MM, e.g. 2024-03)");
            return null;
        }
        YearMonth m = null;
        if (MONTH.matcher(text).matches()) {
            try { m = YearMonth.parse(text); } catch (RuntimeException e) { m = null; }
        }
        if (m == null) {
            problems.add(where + ": month \"" + text + "\" is not a month (write it as YYYY-MM, e.g. 2024-03)");
            return null;
        }
        if (m.isBefore(EARLIEST)) {
            problems.add(where + ": month " + text + " is before " + EARLIEST + ", earlier than perfalert accepts (check the year)");
            return null;
        }
        if (m.isAfter(YearMonth.of(currentMonth.getYear() + 1, 12))) {
            problems.add(where + ": month " + m + " is in the future, beyond next year (the latest month that can be loaded is "
                    + currentMonth + "; check the year)");
            return null;
        }
        if (m.isAfter(currentMonth)) {
            problems.add(where + ": month " + m + " is in the future (the latest month that can be loaded is "
                    + currentMonth + "; check the year)");
            return null;
        }
        return m;
    }

    private Metric metric(RawRow row, List<String> problems) {
        String id = row.get("metric");
        if (id == null) {
            problems.add(row.where() + ": metric is missing (give a metric id from metrics.yaml)");
            return null;
        }
        Optional<Metric> m = cfg.catalogue().find(id);
        if (m.isEmpty()) problems.add(row.where("metric") + ": metric \"" + id
                + "\" is not in metrics.yaml (check the spelling, or add it to the metric catalogue)");
        return m.orElse(null);
    }

    private Area area(RawRow row, List<String> problems) {
        Areas areas = cfg.areas();
        String name = Objects.requireNonNullElse(row.get("area"), areas.force());
        Optional<AreaType> configured = areas.typeOf(name);
        if (configured.isEmpty()) {
            problems.add(row.where("area") + ": area \"" + name + "\" is not in areas.yaml (use the force, one of the areas "
                    + areas.areaNames() + " or one of the districts " + areas.districts() + ")");
            return null;
        }
        String typeText = row.get("area_type");
        if (typeText != null) {
            AreaType given;
            try { given = AreaType.parse(typeText); }
            catch (IllegalArgumentException e) {
                problems.add(row.where("area_type") + ": area_type \"" + typeText + "\" is not known (use force, area or district, or leave it empty)");
                return null;
            }
            if (given != configured.get()) {
                problems.add(row.where("area_type") + ": area_type is " + given.id() + " but \"" + name + "\" is a "
                        + configured.get().id() + " in areas.yaml (correct area_type, or leave it empty)");
                return null;
            }
        }
        return new Area(configured.get(), name);
    }

    private Double decimal(RawRow row, String field, List<String> problems) {
        BigDecimal v = number(row, field, "write digits with a dot for decimals, e.g. 12.5", problems);
        return v == null ? null : v.doubleValue();
    }

    private Long whole(RawRow row, String field, List<String> problems) {
        BigDecimal v = number(row, field, "write a count such as 827", problems);
        if (v == null) return null;
        if (v.signum() < 0) {
            problems.add(row.where(field) + ": " + field + " " + row.get(field) + " is a negative count (counts are 0 or more)");
            return null;
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(row.where(field) + ": " + field + " \"" + row.get(field) + "\" is not a whole number (write a count such as 827)");
            return null;
        }
    }

    /** The field as a number no further from zero than ingest.max-abs-value; null when absent or refused. */
    private BigDecimal number(RawRow row, String field, String howToWrite, List<String> problems) {
        String t = row.get(field);
        if (t == null) return null;
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(row.where(field) + ": " + field + " \"" + t + (NOT_FINITE.matcher(t).matches()
                    ? "\" is not a figure (give a number; leave the row out when there is no figure for the month)"
                    : "\" is not a number (" + howToWrite + ")"));
            return null;
        }
        if (v.abs().compareTo(maxAbsValue) > 0) {
            problems.add(row.where(field) + ": " + field + " " + t + " is outside ±" + limitText() + ", the largest figure perfalert accepts "
                    + "(check the number, e.g. for a misplaced decimal point or exponent; if figures this large are real, raise "
                    + FileParser.MAX_ABS_VALUE + ")");
            return null;
        }
        return v;
    }

    private String limitText() {
        BigDecimal whole = maxAbsValue.stripTrailingZeros();
        return whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? String.format(Locale.UK, "%,d", whole.longValue()) : whole.toString();
    }

    private static void checkRange(RawRow row, Metric metric, double value, List<String> problems) {
        if (metric.unit() == Unit.PERCENT && (value < 0 || value > 100))
            problems.add(row.where("value") + ": value " + fmt(value) + " is outside 0–100, but " + metric.id()
                    + " is a percent (give a percentage, e.g. 12.5 for 12.5%)");
        if (metric.unit() == Unit.COUNT && value < 0)
            problems.add(row.where("value") + ": value " + fmt(value) + " is a negative count (" + metric.id()
                    + " counts things, so it is 0 or more)");
    }

    private static void checkFraction(RawRow row, double value, Long num, Long den, List<String> problems) {
        boolean hasNum = row.get("numerator") != null, hasDen = row.get("denominator") != null;
        if (hasNum != hasDen) {
            problems.add(row.where(hasNum ? "numerator" : "denominator") + ": only " + (hasNum ? "numerator" : "denominator")
                    + " is given (give both numerator and denominator, or neither)");
            return;
        }
        if (num == null || den == null) return;
        if (num > den) {
            problems.add(row.where("numerator") + ": numerator " + num + " is larger than its denominator " + den
                    + " (check the two are not swapped)");
            return;
        }
        if (den == 0) {
            problems.add(row.where("denominator") + ": denominator is 0, so there is no rate (leave numerator and denominator empty)");
            return;
        }
        double expected = 100.0 * num / den;
        if (Math.abs(expected - value) > 0.05 + 1e-9)
            problems.add(row.where("value") + ": value " + fmt(value) + " is not 100 × numerator / denominator = "
                    + String.format(Locale.ROOT, "%.2f", expected) + " (correct the value or the numerator and denominator)");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
