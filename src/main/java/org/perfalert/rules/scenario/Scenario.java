package org.perfalert.rules.scenario;

import org.perfalert.config.Configuration;
import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One rule scenario from rules/tests: data, the month to evaluate, and the exceptions the rules
 * must raise (expected) and must not raise (notExpected) for it; settings are the rule pack's settings
 * it pins (settings: { rolling-streak.min-months: 3 }), which replace the pack's while it runs.
 */
public record Scenario(String name, String description, Path file, int line, Configuration config,
                       List<Observation> observations, YearMonth month,
                       List<Expectation> expected, List<Expectation> notExpected, Map<String, String> settings, int settingsLine) {

    /** A scenario that pins no setting. */
    public Scenario(String name, String description, Path file, int line, Configuration config, List<Observation> observations,
                    YearMonth month, List<Expectation> expected, List<Expectation> notExpected) {
        this(name, description, file, line, config, observations, month, expected, notExpected, Map.of(), 0);
    }

    /** FILE:LINE of the scenario's first line. */
    public String where() { return file + ":" + line; }
}
