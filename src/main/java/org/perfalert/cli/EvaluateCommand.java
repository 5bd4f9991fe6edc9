package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Dry run: evaluate the rules for one month and print the exceptions (not yet available in this build)")
public class EvaluateCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert evaluate: not yet available in this build");
        return Main.USAGE;
    }
}
