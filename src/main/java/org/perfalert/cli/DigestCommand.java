package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "digest", mixinStandardHelpOptions = true, description = "Build the weekly digest and send it, or write it to a file (not yet available in this build)")
public class DigestCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert digest: not yet available in this build");
        return Main.USAGE;
    }
}
