package org.perfalert.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.perfalert.model.PerformanceException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Prints exceptions as JSON (CONTRACT.md 3), readable text, or CSV. */
public final class ExceptionOutput {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ExceptionOutput() { }

    public static void print(List<PerformanceException> exceptions, String format, PrintWriter out) {
        switch (format) {
            case "json" -> out.println(json(exceptions));
            case "text" -> text(exceptions, out);
            case "csv" -> csv(exceptions, out);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        out.flush();
    }

    /** One JSON array, each element's fields in the contract's order. */
    public static String json(List<PerformanceException> exceptions) {
        ArrayNode array = JSON.createArrayNode();
        for (PerformanceException e : exceptions) {
            ObjectNode n = array.addObject();
            n.put("rule", e.rule());
            n.put("metric", e.metric());
            n.put("area_type", e.areaType().id());
            n.put("area", e.area());
            n.put("month", e.month().toString());
            n.put("severity", e.severity().id());
            n.put("direction", e.direction().id());
            n.put("headline", e.headline());
            n.set("evidence", JSON.valueToTree(evidence(e.evidence())));
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Evidence with doubles rounded to 4 decimal places (whole numbers stay whole). */
    static Map<String, Object> evidence(Map<String, Object> evidence) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
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

    private static void text(List<PerformanceException> exceptions, PrintWriter out) {
        if (exceptions.isEmpty()) out.println("No exceptions.");
        for (PerformanceException e : exceptions)
            out.printf("%s  %-6s  %-11s  %s  [%s; %s %s]%n", e.month(), e.severity().id(), e.direction().id(),
                    e.headline(), e.rule(), e.areaType().id(), e.area());
    }

    private static void csv(List<PerformanceException> exceptions, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader("month", "rule", "metric", "area_type", "area", "severity", "direction", "value", "headline", "evidence")
                    .get());
            for (PerformanceException e : exceptions)
                csv.printRecord(e.month(), e.rule(), e.metric(), e.areaType().id(), e.area(), e.severity().id(),
                        e.direction().id(), round(e.evidence().get("value")), e.headline(),
                        new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(evidence(e.evidence())));
            csv.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
