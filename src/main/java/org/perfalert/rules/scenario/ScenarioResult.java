package org.perfalert.rules.scenario;

import java.util.List;

/** How a scenario went: passed when there is no difference; each difference is one line for the analyst. */
public record ScenarioResult(Scenario scenario, List<String> differences) {
    public boolean passed() { return differences.isEmpty(); }
}
