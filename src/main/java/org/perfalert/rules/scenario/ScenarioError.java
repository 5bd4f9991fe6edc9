package org.perfalert.rules.scenario;

import java.nio.file.Path;

/** A scenario file that cannot be run: the message is FILE:LINE:COLUMN: what is wrong and how to fix it. */
public class ScenarioError extends Exception {
    public ScenarioError(String message) { super(message); }

    public static ScenarioError at(Path file, YamlNode node, String message) {
        return new ScenarioError(file + ":" + node.line() + ":" + node.column() + ": " + message);
    }

    public static ScenarioError at(Path file, int line, int column, String message) {
        return new ScenarioError(file + ":" + line + ":" + column + ": " + message);
    }
}
