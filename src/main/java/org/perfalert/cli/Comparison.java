package org.perfalert.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.perfalert.model.PerformanceException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.*;

/**
 * backtest --compare: two versions of the rules over the same data, month by month. An exception is
 * the same in both when its rule, metric, area and month are (its fingerprint); per rule and month the
 * counts before and after, what was added and removed, and a few examples of each. Only the counts
 * and examples are kept, so a long comparison holds one month's exceptions at a time.
 */
final class Comparison {
    /** One rule in one month. */
    static final class Cell {
        int before, after, added, removed, notableBefore, notableAfter;
        final List<PerformanceException> addedExamples = new ArrayList<>(), removedExamples = new ArrayList<>();
    }

    private final int examples;
    private final TreeMap<String, TreeMap<YearMonth, Cell>> cells = new TreeMap<>(); // rule → month → cell
    private long before, after, added, removed;

    Comparison(int examples) { this.examples = examples; }

    /** One month's exceptions by the rules as they are (before) and as changed (after). */
    void add(YearMonth month, List<PerformanceException> was, List<PerformanceException> now) {
        Map<String, PerformanceException> old = new LinkedHashMap<>(), fresh = new LinkedHashMap<>();
        was.forEach(e -> old.put(e.fingerprint(), e));
        now.forEach(e -> fresh.put(e.fingerprint(), e));
        for (PerformanceException e : was) {
            Cell c = cell(e.rule(), month);
            c.before++;
            if (e.notable()) c.notableBefore++;
            if (!fresh.containsKey(e.fingerprint())) { c.removed++; removed++; if (c.removedExamples.size() < examples) c.removedExamples.add(e); }
        }
        for (PerformanceException e : now) {
            Cell c = cell(e.rule(), month);
            c.after++;
            if (e.notable()) c.notableAfter++;
            if (!old.containsKey(e.fingerprint())) { c.added++; added++; if (c.addedExamples.size() < examples) c.addedExamples.add(e); }
        }
        before += was.size();
        after += now.size();
    }

    private Cell cell(String rule, YearMonth month) {
        return cells.computeIfAbsent(rule, r -> new TreeMap<>()).computeIfAbsent(month, m -> new Cell());
    }

    long before() { return before; }
    long after() { return after; }
    long added() { return added; }
    long removed() { return removed; }
    Map<String, TreeMap<YearMonth, Cell>> cells() { return cells; }

    /** Readable text: the rules whose exceptions changed, month by month, with examples; then the totals. */
    void text(PrintWriter out, String beforeName, String afterName, boolean withExamples) {
        out.printf("before: %s%nafter:  %s%n%n", beforeName, afterName);
        out.printf("%-28s %-7s %7s %7s %7s %7s%n", "rule", "month", "before", "after", "added", "removed");
        boolean any = false;
        for (var rule : cells.entrySet()) {
            int b = 0, a = 0, plus = 0, minus = 0;
            for (var m : rule.getValue().entrySet()) {
                Cell c = m.getValue();
                b += c.before; a += c.after; plus += c.added; minus += c.removed;
                if (c.added == 0 && c.removed == 0) continue;
                any = true;
                out.printf("%-28s %-7s %7d %7d %7s %7s%n", rule.getKey(), m.getKey(), c.before, c.after, signed(c.added, '+'), signed(c.removed, '-'));
                if (withExamples) {
                    c.addedExamples.forEach(e -> out.println("    + " + example(e)));
                    c.removedExamples.forEach(e -> out.println("    - " + example(e)));
                }
            }
            if (plus + minus > 0)
                out.printf("%-28s %-7s %7d %7d %7s %7s%n%n", rule.getKey(), "all", b, a, signed(plus, '+'), signed(minus, '-'));
        }
        if (!any) out.println("(no rule's exceptions changed)");
        out.printf("%ntotal: %,d before, %,d after: %,d added, %,d removed%n", before, after, added, removed);
        long nb = 0, na = 0;
        for (var r : cells.values()) for (Cell c : r.values()) { nb += c.notableBefore; na += c.notableAfter; }
        out.printf("notable: %,d before, %,d after%n", nb, na);
        out.flush();
    }

    private static String signed(long n, char sign) { return n == 0 ? "0" : sign + String.format("%,d", n); }

    private static String example(PerformanceException e) {
        return e.headline() + "  [" + e.metric() + "; " + e.areaType().id() + "]";
    }

    /** CSV: a row per rule and month that has exceptions in either version. */
    void csv(PrintWriter out) {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("rule", "month", "before", "after", "added", "removed").get())) {
            for (var rule : cells.entrySet())
                for (var m : rule.getValue().entrySet()) {
                    Cell c = m.getValue();
                    p.printRecord(ExceptionOutput.cell(rule.getKey()), m.getKey(), c.before, c.after, c.added, c.removed);
                }
            p.printRecord("all", "all", before, after, added, removed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON: the two versions, the totals, and per rule and month the counts and examples. */
    void json(PrintWriter out, String beforeName, String afterName) {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("before", beforeName);
            g.writeStringField("after", afterName);
            g.writeObjectFieldStart("total");
            g.writeNumberField("before", before);
            g.writeNumberField("after", after);
            g.writeNumberField("added", added);
            g.writeNumberField("removed", removed);
            g.writeEndObject();
            g.writeArrayFieldStart("changes");
            for (var rule : cells.entrySet())
                for (var m : rule.getValue().entrySet()) {
                    Cell c = m.getValue();
                    g.writeStartObject();
                    g.writeStringField("rule", rule.getKey());
                    g.writeStringField("month", m.getKey().toString());
                    g.writeNumberField("before", c.before);
                    g.writeNumberField("after", c.after);
                    g.writeNumberField("added", c.added);
                    g.writeNumberField("removed", c.removed);
                    examples(g, "added_examples", c.addedExamples);
                    examples(g, "removed_examples", c.removedExamples);
                    g.writeEndObject();
                }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static void examples(JsonGenerator g, String field, List<PerformanceException> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (PerformanceException e : list) {
            g.writeStartObject();
            g.writeStringField("metric", e.metric());
            g.writeStringField("area_type", e.areaType().id());
            g.writeStringField("area", e.area());
            g.writeStringField("headline", e.headline());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
