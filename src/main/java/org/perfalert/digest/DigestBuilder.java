package org.perfalert.digest;

import org.perfalert.alerts.AlertStatus;
import org.perfalert.alerts.Silence;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * Builds a week's digest from the store (SIGNALS.md 4): of the exceptions whose alert rows changed during the week, the
 * signals (and thresholds) first, then "worth a look", the top notable section-5 exceptions by |z|, each series once;
 * everything else as counts per theme and rule; the board tables for the latest month of data; the silences in
 * force; the metrics whose figures are late.
 */
public final class DigestBuilder {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final Map<String, String> VIA = Map.of("link", "by the email's link", "reply", "by replying to the email",
            "command", "on the command line");

    private final Configuration config;
    private final DigestReader reader;
    private final int worthALook;

    /** worthALook: how many notable exceptions the digest lists by |z| (setting digest.top, default 10). */
    public DigestBuilder(Configuration config, DigestReader reader, int worthALook) {
        if (worthALook < 1) throw new IllegalArgumentException("digest.top must be at least 1, not " + worthALook);
        this.config = config;
        this.reader = reader;
        this.worthALook = worthALook;
    }

    /** board: the figures as they stand now (the board tables and sparklines are drawn from it). */
    public Digest build(DigestWeek week, BoardSource board) {
        List<WeekAlert> changed = reader.changedBetween(week.start(), week.end());
        List<WeekAlert> rows = changed.stream().filter(a -> config.catalogue().contains(a.series().metric())).toList();
        // closed because their metric left the configuration: listed by metric id, as there is no label any more
        List<Digest.AppendixLine> retired = lines(changed, a -> a.status() == AlertStatus.RETIRED);
        YearMonth boardMonth = reader.latestMonthLoadedBefore(week.end())
                .or(() -> rows.stream().map(WeekAlert::month).max(Comparator.naturalOrder())).orElse(null);
        List<String> dataMonths = rows.stream().map(WeekAlert::month).distinct().sorted().map(m -> m.format(MONTH)).toList();
        // When several months were processed in one week (a backlog), the latest month's exceptions are the news;
        // those of earlier months are counted in the appendix.
        YearMonth latest = rows.stream().map(WeekAlert::month).max(Comparator.naturalOrder()).orElse(null);

        Map<String, byte[]> images = new LinkedHashMap<>();
        // SIGNALS.md 4: the week's signals (and thresholds) first, then the notable exceptions worth a look, the rest
        // as counts per theme and rule. A series shows once, its other exceptions named with it (also).
        List<WeekAlert> current = rows.stream().filter(a -> a.holds() && !a.silenced() && a.month().equals(latest)).toList();
        List<Digest.TopItem> signals = new ArrayList<>(), worth = new ArrayList<>();
        List<WeekAlert> rest = new ArrayList<>();
        List<List<WeekAlert>> signalled = new ArrayList<>(), notable = new ArrayList<>();
        for (List<WeekAlert> g : Ranking.bySeries(current)) {
            if (g.stream().anyMatch(a -> a.kind() != ExceptionKind.EXCEPTION)) signalled.add(led(g, a -> a.kind() != ExceptionKind.EXCEPTION));
            else if (g.stream().anyMatch(WeekAlert::notable)) notable.add(led(g, WeekAlert::notable));
            else rest.addAll(g);
        }
        signalled.sort(Comparator.comparing((List<WeekAlert> g) -> g.get(0).kind()).thenComparing(g -> -g.get(0).strength()));
        notable.sort(Comparator.comparingDouble((List<WeekAlert> g) -> -g.get(0).strength()));
        for (List<WeekAlert> g : signalled) signals.add(item(g, images, board));
        for (List<WeekAlert> g : notable) {
            if (worth.size() < worthALook) worth.add(item(g, images, board));
            else rest.addAll(g);
        }
        Map<String, Map<String, Integer>> counted = new LinkedHashMap<>();
        for (String theme : config.catalogue().themes()) counted.put(theme, new TreeMap<>());
        rest.forEach(a -> counted.computeIfAbsent(theme(a), k -> new TreeMap<>()).merge(a.rule(), 1, Integer::sum));
        List<Digest.RuleCount> others = new ArrayList<>();
        counted.forEach((theme, byRule) -> byRule.forEach((rule, n) -> others.add(new Digest.RuleCount(theme, rule, n))));

        List<Digest.ThemeSection> themes = new ArrayList<>();
        List<Digest.AppendixTheme> appendix = List.of(); // the rest is counted per theme and rule, not listed
        int shown = signals.size() + worth.size();
        for (String theme : config.catalogue().themes()) {
            List<Metric> metrics = config.catalogue().all().stream().filter(m -> m.theme().equals(theme)).toList();
            int inTheme = counted.getOrDefault(theme, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            List<Digest.BoardRow> table = boardMonth == null ? List.of() : board.rows(metrics, boardMonth);
            if (inTheme > 0 || !table.isEmpty()) themes.add(new Digest.ThemeSection(theme, List.of(), inTheme, table));
        }

        List<Silence> silences = reader.silencesDuring(week.start(), week.end(), week.zone());
        List<Digest.SilenceLine> silenceLines = silences.stream().map(s -> new Digest.SilenceLine(s.id(),
                describe(s), s.endsOn().format(DAY), s.reason(), s.createdBy(),
                (int) rows.stream().filter(a -> a.holds() && Objects.equals(a.silencedBy(), s.id())).count())).toList();

        List<Digest.LateMetric> late = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        if (boardMonth != null) {
            Map<String, YearMonth> last = reader.lastMonthByMetric(boardMonth);
            for (Metric m : config.catalogue().all()) {
                YearMonth l = last.get(m.id());
                if (l == null) noData.add(m.label());
                else if (l.isBefore(boardMonth)) late.add(new Digest.LateMetric(m.label(), m.theme(), l.format(MONTH)));
            }
        }

        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMMM yyyy HH:mm", Locale.UK).withZone(week.zone());
        List<Digest.AckLine> acknowledged = reader.acknowledgementsBetween(week.start(), week.end()).stream().map(e -> {
            StoredAlert a = e.getValue();
            return new Digest.AckLine(a.id(), a.headline() != null ? a.headline()   // a headline names its series and month
                    : label(a.series()) + ", " + a.month().format(MONTH) + ": " + a.rule(), e.getKey().by(), VIA.getOrDefault(String.valueOf(e.getKey().via()), "on the command line"),
                    when.format(e.getKey().at()), oneLine(e.getKey().comment()));
        }).toList();
        Digest.Counts counts = new Digest.Counts(
                count(rows, AlertStatus.NEW, Direction.CONCERN), count(rows, AlertStatus.NEW, Direction.IMPROVEMENT),
                count(rows, AlertStatus.NEW, Direction.NEUTRAL), count(rows, AlertStatus.CONTINUING, null),
                count(rows, AlertStatus.RESOLVED, null), count(rows, AlertStatus.WITHDRAWN, null),
                acknowledged.size(),
                (int) rows.stream().filter(a -> a.holds() && a.silenced()).count());
        int raised = (int) rows.stream().filter(WeekAlert::holds).count();
        int maxAge = config.settings().getInt("notify.max-age-months");
        YearMonth backfillBefore = boardMonth == null ? null : boardMonth.minusMonths(maxAge);
        int backfilled = backfillBefore == null ? 0
                : (int) rows.stream().filter(a -> a.holds() && a.month().isBefore(backfillBefore)).count();
        return new Digest(week, "Performance digest, week " + week, week.period(), dataMonths,
                boardMonth == null ? null : boardMonth.format(MONTH), counts, themes, silenceLines, late, noData, appendix,
                lines(rows, a -> a.status() == AlertStatus.RESOLVED), lines(rows, a -> a.status() == AlertStatus.WITHDRAWN),
                lines(rows, a -> a.holds() && a.silenced()),
                lines(rows, a -> a.holds() && !a.silenced() && a.month().isBefore(latest)), acknowledged, raised, shown, images,
                retired, backfilled, maxAge, signals, worth, others);
    }

    /** The group with its first member that passes first (the group is strongest first already). */
    private static List<WeekAlert> led(List<WeekAlert> group, java.util.function.Predicate<WeekAlert> leads) {
        WeekAlert lead = group.stream().filter(leads).max(Comparator.comparingDouble(WeekAlert::strength)).orElseThrow();
        List<WeekAlert> out = new ArrayList<>(List.of(lead));
        group.stream().filter(a -> a != lead).forEach(out::add);
        return out;
    }

    private Digest.TopItem item(List<WeekAlert> group, Map<String, byte[]> images, BoardSource board) {
        WeekAlert a = group.get(0);
        String image = "";
        byte[] png = Sparkline.png(board.values(a.series(), a.month().minusMonths(23), a.month()), a.direction().id());
        if (png != null) {
            image = "spark-" + (images.size() + 1) + ".png";
            images.put(image, png);
        }
        List<String> also = group.subList(1, group.size()).stream().map(DigestBuilder::what).distinct().toList();
        return new Digest.TopItem(a.id(), a.severity().id(), a.direction().id(), a.status().id(),
                a.headline() == null ? a.rule() : a.headline(), lead(a.series().metric()),
                a.ackBy() == null ? "" : a.ackBy(), oneLine(a.ackComment()), also, image,
                label(a.series()) + ": the 24 months to " + a.month().format(MONTH),
                String.format(Locale.UK, "%.1f", Ranking.strength(a)));
    }

    /**
     * What a rule found, in the words of its headline without the series and the value: "Fenland – Robbery 8 in
     * March 2025: highest in 12 months" says "highest in 12 months"; another headline what follows its first ": " (as
     * the email's "Also:" lines, AlertItem.alsoParts); the rule id only when there is no headline.
     */
    static String what(WeekAlert a) {
        String h = a.headline();
        if (h == null || h.isBlank()) return a.rule();
        String in = " in " + a.month().format(MONTH) + ": ";
        int at = h.indexOf(in), colon = h.indexOf(": ");
        return at >= 0 ? h.substring(at + in.length()) : colon >= 0 ? h.substring(colon + 2) : h;   // as an email's "Also:"
    }

    private List<Digest.AppendixLine> lines(List<WeekAlert> rows, java.util.function.Predicate<WeekAlert> which) {
        return rows.stream().filter(which).sorted(Ranking.ORDER).map(this::line).toList();
    }

    private Digest.AppendixLine line(WeekAlert a) {
        return new Digest.AppendixLine(a.id(), label(a.series()), a.rule(), a.severity().id(), a.direction().id(),
                a.status().id(), a.month().format(MONTH), what(a));
    }

    /** "Robbery" for the force, "Robbery — Fenland" for an area or district. */
    private String label(SeriesKey s) {
        String l = config.catalogue().find(s.metric()).map(Metric::label).orElse(s.metric());
        return s.areaType() == AreaType.FORCE ? l : l + " \u2014 " + s.area();
    }

    private String theme(WeekAlert a) {
        return config.catalogue().find(a.series().metric()).map(Metric::theme).orElse("");
    }

    /** The names of the people in the metric's owner role. */
    private String lead(String metric) {
        Optional<Metric> m = config.catalogue().find(metric);
        if (m.isEmpty()) return "";
        List<Person> people = config.people().holders(m.get().owner());
        return people.isEmpty() ? m.get().owner() + " (nobody holds this role)"
                : String.join(", ", people.stream().map(Person::name).toList());
    }

    /** "Bicycle theft (police.uk), every area, every rule": labels for exact metric ids, "every" for "*". */
    private String describe(Silence s) {
        String metric = s.metricPattern().equals("*") ? "every measure"
                : config.catalogue().find(s.metricPattern()).map(Metric::label).orElse("measures " + s.metricPattern());
        String area = s.areaPattern().equals("*") ? "every area" : "area " + s.areaPattern();
        String rule = s.rulePattern().equals("*") ? "every rule" : "rule " + s.rulePattern();
        return metric + ", " + area + ", " + rule;
    }

    /** A lead's comment on one line: its line breaks cannot make lines of their own in the digest. */
    static String oneLine(String comment) {
        return comment == null ? "" : comment.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").replaceAll(" {2,}", " ").strip();
    }

    private static int count(List<WeekAlert> rows, AlertStatus status, Direction direction) {
        return (int) rows.stream().filter(a -> a.status() == status && (direction == null || a.direction() == direction)).count();
    }
}
