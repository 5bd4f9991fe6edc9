package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "silence", mixinStandardHelpOptions = true, description = "Add, list or remove silences (not yet available in this build)")
public class SilenceCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert silence: not yet available in this build");
        return Main.USAGE;
    }
}
