package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "recipients", mixinStandardHelpOptions = true, description = "Dry run of routing: who would receive what for a month (not yet available in this build)")
public class RecipientsCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert recipients: not yet available in this build");
        return Main.USAGE;
    }
}
