package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the service on embedded defaults, fed with the sample data (not yet available in this build)")
public class DemoCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert demo: not yet available in this build");
        return Main.USAGE;
    }
}
