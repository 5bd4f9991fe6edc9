package org.perfalert.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.perfalert.model.PerformanceException;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes exceptions as JSON (one array, CONTRACT.md 3), readable text, or CSV, a month at a time:
 * a backtest's output is written as each month is done and never held whole. Nothing heavy is made
 * per row (one JSON generator or CSV printer per run).
 */
public final class ExceptionOutput implements Closeable {
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** The evidence column of CSV: compact JSON of the rounded evidence. */
    private static final ObjectWriter EVIDENCE = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer();
    private static final String[] CSV_HEADER = {"month", "rule", "metric", "area_type", "area", "severity", "direction", "value", "headline", "evidence"};

    private final String format;
    private final PrintWriter out;
    private JsonGenerator json;
    private CSVPrinter csv;
    private long written;

    private ExceptionOutput(String format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    /** An output in a format: json, text or csv. */
    public static ExceptionOutput open(String format, PrintWriter out) {
        if (!List.of("json", "text", "csv").contains(format)) throw new IllegalArgumentException("unknown format " + format);
        return new ExceptionOutput(format, out);
    }

    /** Prints a whole list at once. */
    public static void print(List<PerformanceException> exceptions, String format, PrintWriter out) {
        try (ExceptionOutput o = open(format, out)) { o.write(exceptions); }
    }

    /** Writes some exceptions (a month's, in contract order) after those written before, and flushes them. */
    public void write(List<PerformanceException> exceptions) {
        try {
            switch (format) {
                case "json" -> { for (PerformanceException e : exceptions) json(e); json().flush(); }
                case "text" -> exceptions.forEach(this::text);
                default -> { for (PerformanceException e : exceptions) csv(e); csv().flush(); }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written += exceptions.size();
        out.flush();
    }

    /** Ends the output: the JSON array is closed, text says when there was nothing. */
    @Override
    public void close() {
        try {
            switch (format) {
                case "json" -> { json().writeEndArray(); json.flush(); out.println(); }
                case "text" -> { if (written == 0) out.println("No exceptions."); }
                default -> csv().flush();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        out.flush();
    }

    // --- JSON ---------------------------------------------------------------------------------

    private JsonGenerator json() throws IOException {
        if (json == null) {
            json = JSON.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartArray();
        }
        return json;
    }

    /** One element, its fields in the contract's order. */
    private void json(PerformanceException e) throws IOException {
        JsonGenerator g = json();
        g.writeStartObject();
        g.writeStringField("rule", e.rule());
        g.writeStringField("metric", e.metric());
        g.writeStringField("area_type", e.areaType().id());
        g.writeStringField("area", e.area());
        g.writeStringField("month", e.month().toString());
        g.writeStringField("severity", e.severity().id());
        g.writeStringField("direction", e.direction().id());
        g.writeStringField("headline", e.headline());
        g.writeObjectFieldStart("evidence");
        for (Map.Entry<String, Object> f : e.evidence().entrySet()) {
            g.writeFieldName(f.getKey());
            jsonValue(g, round(f.getValue()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A rounded evidence value; decimals without trailing zeros (12.0 is written 12, as JSON numbers are read). */
    private static void jsonValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof BigDecimal b) g.writeNumber(b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros());
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) jsonValue(g, item);
            g.writeEndArray();
        } else g.writeString(v.toString());
    }

    /** Evidence with doubles rounded to 4 decimal places (whole numbers stay whole). */
    static Map<String, Object> evidence(Map<String, Object> evidence) {
        Map<String, Object> out = new LinkedHashMap<>();
        evidence.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }

    private static Object round(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return null;
            BigDecimal b = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            return b.scale() < 1 ? b.setScale(1) : b;
        }
        if (v instanceof List<?> l) return l.stream().map(ExceptionOutput::round).toList();
        return v;
    }

    // --- text ---------------------------------------------------------------------------------

    private void text(PerformanceException e) {
        out.printf("%s  %-6s  %-11s  %s  [%s; %s %s]%n", e.month(), e.severity().id(), e.direction().id(),
                e.headline(), e.rule(), e.areaType().id(), e.area());
    }

    // --- CSV ----------------------------------------------------------------------------------

    private CSVPrinter csv() throws IOException {
        if (csv == null) csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
        return csv;
    }

    private void csv(PerformanceException e) throws IOException {
        csv().printRecord(e.month(), cell(e.rule()), cell(e.metric()), cell(e.areaType().id()), cell(e.area()),
                cell(e.severity().id()), cell(e.direction().id()), round(e.evidence().get("value")), cell(e.headline()),
                cell(EVIDENCE.writeValueAsString(evidence(e.evidence()))));
    }

    /**
     * A text cell a spreadsheet will not run as a formula (OWASP, "CSV injection"): text starting with
     * =, +, -, @, a tab or a carriage return gets a leading apostrophe. Numbers are written as
     * numbers, so a negative value stays a number.
     */
    static String cell(String text) {
        if (text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
