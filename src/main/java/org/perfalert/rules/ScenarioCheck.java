package org.perfalert.rules;

import org.perfalert.model.PerformanceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares what the rules raised in a scenario with what it expects; the differences, or none. */
public final class ScenarioCheck {
    private ScenarioCheck() { }

    public static List<String> differences(Scenario scenario, List<PerformanceException> raised) {
        List<String> diff = new ArrayList<>();
        for (Map<String, Object> want : scenario.expect()) {
            if (raised.stream().noneMatch(e -> matches(want, e, scenario))) {
                List<String> near = raised.stream().filter(e -> e.rule().equals(want.get("rule"))).map(ScenarioCheck::describe).toList();
                diff.add("expected " + want + " but it was not raised"
                        + (near.isEmpty() ? "" : "; raised by that rule: " + String.join("; ", near)));
            }
        }
        for (Map<String, Object> unwanted : scenario.expectNot())
            raised.stream().filter(e -> matches(unwanted, e, scenario))
                    .forEach(e -> diff.add("not expected, but raised: " + describe(e)));
        return diff;
    }

    static String describe(PerformanceException e) {
        return e.rule() + " " + e.metric() + " " + e.areaType().id() + ":" + e.area() + " " + e.month() + " " + e.evidence();
    }

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> want, PerformanceException e, Scenario s) {
        String month = String.valueOf(want.getOrDefault("month", s.month().toString()));
        if (!e.month().toString().equals(month)) return false;
        for (var f : want.entrySet()) {
            String v = String.valueOf(f.getValue());
            boolean same = switch (f.getKey()) {
                case "rule" -> e.rule().equals(v);
                case "metric" -> e.metric().equals(v);
                case "area" -> e.area().equals(v);
                case "area_type" -> e.areaType().id().equalsIgnoreCase(v);
                case "direction" -> e.direction().id().equalsIgnoreCase(v);
                case "severity" -> e.severity().id().equalsIgnoreCase(v);
                case "month" -> true;
                case "evidence" -> evidenceMatches((Map<String, Object>) f.getValue(), e.evidence());
                default -> throw new IllegalArgumentException(s.file() + ": unknown field \"" + f.getKey()
                        + "\" in an expectation (use rule, metric, area, area_type, month, direction, severity, evidence)");
            };
            if (!same) return false;
        }
        return true;
    }

    private static boolean evidenceMatches(Map<String, Object> want, Map<String, Object> got) {
        for (var f : want.entrySet()) {
            if (!got.containsKey(f.getKey())) return false;
            if (!same(f.getValue(), got.get(f.getKey()))) return false;
        }
        return true;
    }

    private static boolean same(Object want, Object got) {
        if (want == null || got == null) return want == got;
        if (want instanceof Number w && got instanceof Number g) return Math.abs(w.doubleValue() - g.doubleValue()) <= 1e-4;
        if (want instanceof List<?> w && got instanceof List<?> g) {
            if (w.size() != g.size()) return false;
            for (int i = 0; i < w.size(); i++) if (!same(w.get(i), g.get(i))) return false;
            return true;
        }
        return String.valueOf(want).equals(String.valueOf(got));
    }
}
