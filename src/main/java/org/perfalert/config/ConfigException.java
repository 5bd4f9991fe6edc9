package org.perfalert.config;

import java.util.List;

/** The configuration is wrong; each problem names the file, the entry and the fix. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
