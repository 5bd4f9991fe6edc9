package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Compile every rule file and print FILE:LINE:COLUMN: message for each problem (not yet available in this build)")
public class RulesCheckCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert check: not yet available in this build");
        return Main.USAGE;
    }
}
