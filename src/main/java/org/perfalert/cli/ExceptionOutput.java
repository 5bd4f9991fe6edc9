package org.perfalert.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.perfalert.model.Calibrated;
import org.perfalert.model.PerformanceException;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes exceptions as JSON (one array, CONTRACT.md 3), readable text, or CSV, a month at a time:
 * a backtest's output is written as each month is done and never held whole. Nothing heavy is made
 * per row (one JSON generator or CSV printer per run). Every exception carries SIGNALS.md 3's
 * `notable` and `calibrated` after its evidence (a signal is notable by what it is).
 */
public final class ExceptionOutput implements Closeable {
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).setRootValueSeparator(null);
    private static final String[] CSV_HEADER = {"month", "rule", "metric", "area_type", "area", "severity", "direction", "value", "headline", "evidence", "notable", "calibrated"};

    private final String format;
    private final PrintWriter out;
    private JsonGenerator json;
    private CSVPrinter csv;
    private StringBuilder csvLines;            // rows built without a lock per character, written out in chunks
    private StringWriter evidenceText;         // the CSV evidence column: compact JSON, one generator for all rows
    private JsonGenerator evidenceJson;
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
                default -> { for (PerformanceException e : exceptions) csv(e); csvOut(); }
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
                default -> { csv(); csvOut(); }
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
        g.writeFieldName("evidence");
        evidence(g, e.evidence(), true);
        g.writeBooleanField("notable", e.notable());
        g.writeFieldName("calibrated");
        evidence(g, calibrated(e), true);
        g.writeEndObject();
    }

    /** SIGNALS.md 3's `calibrated`: expected, phi, z, z_year (null where not computable). */
    private static Map<String, Object> calibrated(PerformanceException e) {
        Calibrated c = e.assessment() == null ? Calibrated.NONE : e.assessment().calibrated();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expected", c.expected());
        m.put("phi", c.phi());
        m.put("z", c.z());
        m.put("z_year", c.zYear());
        return m;
    }

    /**
     * The evidence object, numbers rounded. In the JSON output decimals lose their trailing zeros (12.0
     * is written 12) as they always have; in CSV's evidence column they keep them (12.0).
     */
    private static void evidence(JsonGenerator g, Map<String, Object> evidence, boolean withoutTrailingZeros) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> f : evidence.entrySet()) {
            g.writeFieldName(f.getKey());
            jsonValue(g, EvidenceNumbers.round(f.getValue()), withoutTrailingZeros);
        }
        g.writeEndObject();
    }

    private static void jsonValue(JsonGenerator g, Object v, boolean withoutTrailingZeros) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof BigDecimal b) g.writeNumber(!withoutTrailingZeros ? b : b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros());
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) jsonValue(g, item, withoutTrailingZeros);
            g.writeEndArray();
        } else g.writeString(v.toString());
    }

    // --- text ---------------------------------------------------------------------------------

    private void text(PerformanceException e) {
        out.printf("%s  %-6s  %-11s  %s  [%s; %s %s%s]%n", e.month(), e.severity().id(), e.direction().id(),
                e.headline(), e.rule(), e.areaType().id(), e.area(), e.notable() ? "; notable" : "");
    }

    // --- CSV ----------------------------------------------------------------------------------

    private CSVPrinter csv() throws IOException {
        if (csv == null) {
            csvLines = new StringBuilder(1 << 16);
            csv = new CSVPrinter(csvLines, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
            evidenceText = new StringWriter();
            evidenceJson = JSON.createGenerator(evidenceText);
        }
        return csv;
    }

    private void csv(PerformanceException e) throws IOException {
        CSVPrinter printer = csv();
        evidenceText.getBuffer().setLength(0);
        evidence(evidenceJson, e.evidence(), false);
        evidenceJson.flush();
        String evidence = evidenceText.toString();
        evidenceText.getBuffer().setLength(0);
        evidence(evidenceJson, calibrated(e), false);
        evidenceJson.flush();
        printer.printRecord(e.month(), cell(e.rule()), cell(e.metric()), cell(e.areaType().id()), cell(e.area()),
                cell(e.severity().id()), cell(e.direction().id()), EvidenceNumbers.round(e.evidence().get("value")),
                cell(e.headline()), cell(evidence), e.notable(), cell(evidenceText.toString()));
        if (csvLines.length() >= CSV_CHUNK) csvOut(); // a national month's rows would be a hundred megabytes
    }

    private static final int CSV_CHUNK = 1 << 16;

    private void csvOut() {
        out.append(csvLines);
        csvLines.setLength(0);
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
