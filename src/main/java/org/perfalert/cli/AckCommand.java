package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge an exception (not yet available in this build)")
public class AckCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert ack: not yet available in this build");
        return Main.USAGE;
    }
}
