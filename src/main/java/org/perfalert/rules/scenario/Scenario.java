package org.perfalert.rules.scenario;

import org.perfalert.config.Configuration;
import org.perfalert.model.Observation;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * One rule scenario from rules/tests: data, the month to evaluate, and the exceptions the rules
 * must raise (expected) and must not raise (notExpected) for it.
 */
public record Scenario(String name, String description, Path file, int line, Configuration config,
                       List<Observation> observations, YearMonth month,
                       List<Expectation> expected, List<Expectation> notExpected) {

    /** FILE:LINE of the scenario's first line. */
    public String where() { return file + ":" + line; }
}
