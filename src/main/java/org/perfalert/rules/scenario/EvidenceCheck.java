package org.perfalert.rules.scenario;

import org.perfalert.model.Calibrated;
import org.perfalert.model.PerformanceException;

import java.util.*;

/** Compares an exception with what a scenario expects of it: direction, severity, headline and evidence values. */
final class EvidenceCheck {
    private EvidenceCheck() { }

    /** One line per difference ("evidence z: expected 2.309, got 2.1"); empty when it is as expected. */
    static List<String> mismatches(Expectation e, PerformanceException got) {
        List<String> out = new ArrayList<>();
        if (e.direction() != null && e.direction() != got.direction())
            out.add("direction: expected " + e.direction().id() + ", got " + got.direction().id());
        if (e.severity() != null && e.severity() != got.severity())
            out.add("severity: expected " + e.severity().name().toLowerCase() + ", got " + got.severity().name().toLowerCase());
        if (e.headlineContains() != null && !got.headline().contains(e.headlineContains()))
            out.add("headline: expected it to contain \"" + e.headlineContains() + "\", got \"" + got.headline() + "\"");
        for (var key : e.evidence().entrySet()) {
            if (!got.evidence().containsKey(key.getKey())) {
                out.add("evidence " + key.getKey() + ": expected " + show(key.getValue()) + ", got no such key (keys: "
                        + String.join(", ", got.evidence().keySet()) + ")");
                continue;
            }
            Object value = got.evidence().get(key.getKey());
            if (!same(key.getValue(), value, e.tolerance()))
                out.add("evidence " + key.getKey() + ": expected " + show(key.getValue()) + ", got " + show(value));
        }
        if (e.notable() != null && e.notable() != got.notable())
            out.add("notable: expected " + e.notable() + ", got " + got.notable());
        Calibrated c = got.assessment() == null ? Calibrated.NONE : got.assessment().calibrated();
        Map<String, Double> calibrated = new java.util.HashMap<>();
        calibrated.put("expected", c.expected());
        calibrated.put("phi", c.phi());
        calibrated.put("z", c.z());
        calibrated.put("z_year", c.zYear());
        for (var key : e.calibrated().entrySet()) {
            Object value = calibrated.get(key.getKey());
            if (!same(key.getValue(), value, e.tolerance()))
                out.add("calibrated " + key.getKey() + ": expected " + show(key.getValue()) + ", got " + show(value));
        }
        return out;
    }

    private static boolean same(YamlNode expected, Object got, double tolerance) {
        if (expected.isNull()) return got == null;
        if (got == null) return false;
        if (expected.isNumber())
            return got instanceof Number n && Math.abs(n.doubleValue() - expected.number()) <= tolerance;
        if (expected.isList()) {
            if (!(got instanceof List<?> list) || list.size() != expected.list().size()) return false;
            for (int i = 0; i < list.size(); i++) if (!same(expected.list().get(i), list.get(i), tolerance)) return false;
            return true;
        }
        if (expected.isMap()) return false;
        return expected.text().equals(String.valueOf(got));
    }

    /** A value for a message: numbers without trailing zeros, lists in brackets, null as null. */
    static String show(Object v) {
        if (v instanceof YamlNode n) {
            if (n.isList()) {
                List<String> parts = new ArrayList<>();
                for (YamlNode x : n.list()) parts.add(show(x));
                return "[" + String.join(", ", parts) + "]";
            }
            return n.isNull() ? "null" : n.isNumber() ? show(n.number()) : n.text();
        }
        if (v instanceof Double d) {
            String s = String.format(Locale.ROOT, "%.6f", d).replaceFirst("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object x : list) parts.add(show(x));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(k + ": " + show(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }
}
