package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true, description = "Load files into the store, evaluate the months they touch and queue notifications (not yet available in this build)")
public class LoadCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert load: not yet available in this build");
        return Main.USAGE;
    }
}
