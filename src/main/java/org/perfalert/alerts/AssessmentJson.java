package org.perfalert.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfalert.model.Assessment;
import org.perfalert.model.Calibrated;
import org.perfalert.model.ExceptionKind;

/** An exception's assessment as the alert row keeps it (V50__assessment.sql): a small JSON object, or null. */
final class AssessmentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssessmentJson() { }

    static String write(Assessment a) {
        if (a == null) return null;
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", a.kind().id());
        o.put("notable", a.notable());
        o.put("strength", Double.isFinite(a.strength()) ? a.strength() : Double.MAX_VALUE);
        ObjectNode c = o.putObject("calibrated");
        Calibrated k = a.calibrated();
        c.put("expected", k.expected());
        c.put("phi", k.phi());
        c.put("z", k.z());
        c.put("z_year", k.zYear());
        return o.toString();
    }

    static Assessment read(String json) {
        if (json == null) return null;
        try {
            JsonNode o = JSON.readTree(json), c = o.path("calibrated");
            return new Assessment(ExceptionKind.parse(o.get("kind").asText()), o.get("notable").asBoolean(),
                    new Calibrated(number(c, "expected"), number(c, "phi"), number(c, "z"), number(c, "z_year")),
                    o.path("strength").asDouble(0));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("stored assessment is not valid: " + json, e);
        }
    }

    private static Double number(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asDouble();
    }
}
