package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.List;

/**
 * The perfalert command line (CONTRACT.md section 2). Exit codes: 0 success, 1 bad input, rules,
 * configuration or a store that cannot be used (the message says what), 2 bad usage.
 */
@Command(name = "perfalert", mixinStandardHelpOptions = true, version = "perfalert 0.1.0",
        description = "Rules-driven alerting for monthly performance exceptions.")
public class Main implements Runnable {
    public static final int OK = 0, INPUT_ERROR = 1, USAGE = 2;
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            EvaluateCommand.class, BacktestCommand.class, ExplainCommand.class, RulesCommand.class, LoadCommand.class,
            DigestCommand.class, RunCommand.class, DemoCommand.class,
            SilenceCommand.class, AckCommand.class, RecipientsCommand.class, PullCommand.class, ReevaluateCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args.length == 0 ? null : args[0]);
        return cl.execute(args);
    }

    /** The whole command line, every command in it. */
    public static CommandLine commandLine() { return commandLine(null); }

    /**
     * The command line with only the command named, when it is one (not help): picocli reads every
     * command's options when it is added, which was a tenth of a small command's start (issue 16).
     * Anything else (no command, help, a mistyped name) gets the whole command line, as before.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = COMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class && named(c, first)).findFirst().orElse(null);
        for (Class<?> c : only != null ? List.of(only) : COMMANDS) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof ConfigException || ex instanceof StoreException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return INPUT_ERROR;
            }
            throw ex;
        });
        return cl;
    }

    private static boolean named(Class<?> command, String name) {
        Command c = command.getAnnotation(Command.class);
        return c.name().equals(name) || Arrays.asList(c.aliases()).contains(name);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see --help");
    }
}
