package org.perfalert.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** rules check / rules test. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check or test the rule files",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check or test");
    }
}
