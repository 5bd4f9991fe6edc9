package org.perfalert.digest;

import java.util.List;
import java.util.Map;

/**
 * One week's digest, ready to render: plain values only (the templates show them; tests check them).
 *
 * @param dataMonths the data months of the exceptions that changed in the week ("March 2025")
 * @param boardMonth the latest month of data by the week's end, which the board tables show (or null)
 * @param earlier    exceptions of months before the latest one processed in the week (a backlog), not ranked
 * @param acknowledged the acknowledgements people made during the week, oldest first
 * @param images     the sparkline PNGs by file name (referred to by TopItem.image)
 * @param retired    exceptions closed in the week because their metric was removed from the configuration
 * @param backfilled how many exceptions held in the week belong to months older than the latest data by more than
 *                   maxAgeMonths (notify.max-age-months): stored, emailed to no one
 * @param signals    the week's signals and thresholds (SIGNALS.md 4: what leads were emailed), strongest first, one per series
 * @param worthALook the top notable section-5 exceptions by |z| (one per series), after the signals
 * @param others     everything else that holds, as counts per theme and rule
 */
public record Digest(DigestWeek week, String title, String period, List<String> dataMonths, String boardMonth,
                     Counts counts, List<ThemeSection> themes, List<SilenceLine> silences, List<LateMetric> late,
                     List<String> noData, List<AppendixTheme> appendix, List<AppendixLine> resolved,
                     List<AppendixLine> withdrawn, List<AppendixLine> silenced, List<AppendixLine> earlier,
                     List<AckLine> acknowledged, int raised, int shownLines,
                     Map<String, byte[]> images, List<AppendixLine> retired, int backfilled, int maxAgeMonths,
                     List<TopItem> signals, List<TopItem> worthALook, List<RuleCount> others) {

    /** A digest without SIGNALS.md's sections (signals, worth a look, counts of the rest). */
    public Digest(DigestWeek week, String title, String period, List<String> dataMonths, String boardMonth, Counts counts,
                  List<ThemeSection> themes, List<SilenceLine> silences, List<LateMetric> late, List<String> noData,
                  List<AppendixTheme> appendix, List<AppendixLine> resolved, List<AppendixLine> withdrawn,
                  List<AppendixLine> silenced, List<AppendixLine> earlier, List<AckLine> acknowledged, int raised,
                  int shownLines, Map<String, byte[]> images, List<AppendixLine> retired, int backfilled, int maxAgeMonths) {
        this(week, title, period, dataMonths, boardMonth, counts, themes, silences, late, noData, appendix, resolved, withdrawn,
                silenced, earlier, acknowledged, raised, shownLines, images, retired, backfilled, maxAgeMonths,
                List.of(), List.of(), List.of());
    }

    /** How many of the week's other exceptions (neither signals nor worth a look) a rule raised in a theme. */
    public record RuleCount(String theme, String rule, int count) { }

    /** The headline counts of the week. */
    public record Counts(int newConcerns, int newImprovements, int newNeutral, int continuing, int resolved, int withdrawn,
                         int acknowledged, int silenced) { }

    /** A theme: its top items, how many more exceptions are in the appendix, and its board table. */
    public record ThemeSection(String theme, List<TopItem> top, int inAppendix, List<BoardRow> board) { }

    /**
     * One line above the appendix: the strongest exception of one series, with the other rules that fired on the
     * same series named (also). image is the sparkline's file name, or "" when there is none.
     */
    public record TopItem(long alertId, String severity, String direction, String status, String headline, String lead,
                          String ackBy, String ackComment, List<String> also, String image, String imageAlt,
                          String strength) { }

    /** A row of a theme's board table (force level), every figure already written for a reader. */
    public record BoardRow(String metric, String label, String current, List<String> sameMonth, Comparison vsYear,
                           Comparison vsThreeYears, String rolling, String benchmark, String benchmarkMonth,
                           Comparison vsBenchmark) { }

    /** A significance verdict: word (Higher, Lower, Comparable, Improved, Deteriorated, or "–"), tone for colour. */
    public record Comparison(String word, String tone, String z) {
        public static final Comparison NONE = new Comparison("\u2013", "none", "");
    }

    /** A silence in force during the week, and how many of the week's exceptions it held back. */
    public record SilenceLine(long id, String what, String until, String reason, String by, int heldBack) { }

    /** A metric with data, but none for the board month. */
    public record LateMetric(String label, String theme, String lastMonth) { }

    /** The appendix of one theme: every exception not shown as a line above, and the same grouped by series. */
    public record AppendixTheme(String theme, List<AppendixLine> lines, List<AppendixSeries> bySeries) { }

    /** One series in the appendix with what its rules found, in words, e.g. "lowest in 12 months (new)". */
    public record AppendixSeries(String series, String direction, List<String> rules) { }

    /** An acknowledgement made in the week: what, who (and how: command, link, reply), when, and the comment on one line. */
    public record AckLine(long alertId, String what, String by, String via, String when, String comment) { }

    /** A compact line: series, rule, severity, status, month, and what the rule found in words ("highest in 12 months"). */
    public record AppendixLine(long alertId, String series, String rule, String severity, String direction, String status,
                               String month, String what) { }
}
