package org.perfalert.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command shares. */
public class Common {
    @Option(names = "--config", defaultValue = "config", description = "configuration folder (default: ${DEFAULT-VALUE})")
    public Path config;

    @Option(names = "--rules", defaultValue = "rules", description = "rule folder (default: ${DEFAULT-VALUE})")
    public Path rules;
}
