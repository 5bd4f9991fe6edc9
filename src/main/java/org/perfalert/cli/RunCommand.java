package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the service: routes, rules, store, notifications and digests until stopped (not yet available in this build)")
public class RunCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert run: not yet available in this build");
        return Main.USAGE;
    }
}
