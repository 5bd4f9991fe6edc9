package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the analysts' rule scenarios in rules/tests/ (not yet available in this build)")
public class RulesTestCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert test: not yet available in this build");
        return Main.USAGE;
    }
}
