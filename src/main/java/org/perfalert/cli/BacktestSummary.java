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
 * backtest --summary: how many exceptions each rule raised in each month, as a table (a pivot of the
 * backtest's rows by rule and month), with totals; and, when the calibrated layer is part of the build,
 * how many of each month's were notable and how many were signals.
 */
final class BacktestSummary {
    private final List<YearMonth> months = new ArrayList<>();
    private final TreeMap<String, Map<YearMonth, Integer>> counts = new TreeMap<>();
    private final Map<YearMonth, Integer> totals = new HashMap<>(), notable = new HashMap<>(), signals = new HashMap<>();

    void add(YearMonth month, List<PerformanceException> found) {
        months.add(month);
        for (PerformanceException e : found) {
            counts.computeIfAbsent(e.rule(), r -> new HashMap<>()).merge(month, 1, Integer::sum);
            if (e.notable()) notable.merge(month, 1, Integer::sum);
            if (e.kind() == org.perfalert.model.ExceptionKind.SIGNAL) signals.merge(month, 1, Integer::sum);
        }
        totals.put(month, found.size());
    }

    /** The rows of the table: each rule, "all rules", then notable and signals. */
    private Map<String, Map<YearMonth, Integer>> rows() {
        Map<String, Map<YearMonth, Integer>> rows = new LinkedHashMap<>(counts);
        rows.put("all rules", totals);
        rows.put("notable", notable);
        rows.put("signals", signals);
        return rows;
    }

    private int total(Map<YearMonth, Integer> row) { return months.stream().mapToInt(m -> row.getOrDefault(m, 0)).sum(); }

    void text(PrintWriter out) {
        int width = Math.max(12, rows().keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder head = new StringBuilder(String.format("%-" + width + "s", "rule"));
        months.forEach(m -> head.append(String.format(" %7s", m)));
        out.println(head.append(String.format(" %7s", "total")));
        rows().forEach((rule, row) -> {
            if (rule.equals("all rules")) out.println("-".repeat(head.length()));
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s", rule));
            months.forEach(m -> line.append(String.format(" %7d", row.getOrDefault(m, 0))));
            out.println(line.append(String.format(" %7d", total(row))));
        });
        out.flush();
    }

    void csv(PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("rule"));
        months.forEach(m -> header.add(m.toString()));
        header.add("total");
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var r : rows().entrySet()) {
                List<Object> cells = new ArrayList<>(List.of(ExceptionOutput.cell(r.getKey())));
                months.forEach(m -> cells.add(r.getValue().getOrDefault(m, 0)));
                cells.add(total(r.getValue()));
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** {"months": [...], "rules": {"rule": {"2025-01": n, ..., "total": n}}, "all": {...}, "notable"?, "signals"?}. */
    void json(PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeArrayFieldStart("months");
            for (YearMonth m : months) g.writeString(m.toString());
            g.writeEndArray();
            g.writeObjectFieldStart("rules");
            for (var r : counts.entrySet()) row(g, r.getKey(), r.getValue());
            g.writeEndObject();
            row(g, "all", totals);
            row(g, "notable", notable);
            row(g, "signals", signals);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private void row(JsonGenerator g, String name, Map<YearMonth, Integer> row) throws IOException {
        g.writeObjectFieldStart(name);
        for (YearMonth m : months) g.writeNumberField(m.toString(), row.getOrDefault(m, 0));
        g.writeNumberField("total", total(row));
        g.writeEndObject();
    }
}
