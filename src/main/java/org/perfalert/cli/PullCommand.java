package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "pull", mixinStandardHelpOptions = true, description = "Run one pull from a configured source now (not yet available in this build)")
public class PullCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert pull: not yet available in this build");
        return Main.USAGE;
    }
}
