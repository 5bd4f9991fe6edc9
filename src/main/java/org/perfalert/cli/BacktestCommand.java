package org.perfalert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "backtest", mixinStandardHelpOptions = true, description = "Evaluate the rules for every month in a range: what would have fired (not yet available in this build)")
public class BacktestCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        System.err.println("perfalert backtest: not yet available in this build");
        return Main.USAGE;
    }
}
