package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The perfalert command line (CONTRACT.md section 2). Exit codes: 0 success, 1 bad input, rules,
 * configuration or a store that cannot be used (the message says what), 2 bad usage.
 */
@Command(name = "perfalert", mixinStandardHelpOptions = true, version = "perfalert 0.1.0",
        description = "Rules-driven alerting for monthly performance exceptions.",
        subcommands = {
                EvaluateCommand.class, BacktestCommand.class, RulesCommand.class, LoadCommand.class,
                DigestCommand.class, RunCommand.class, DemoCommand.class,
                SilenceCommand.class, AckCommand.class, RecipientsCommand.class, PullCommand.class, ReevaluateCommand.class,
                CommandLine.HelpCommand.class})
public class Main implements Runnable {
    public static final int OK = 0, INPUT_ERROR = 1, USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof ConfigException || ex instanceof StoreException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return INPUT_ERROR;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see --help");
    }
}
