package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.scenario.*;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * rules test: compiles the rule folder once and runs the analysts' scenarios in its tests/ folder,
 * printing each as PASSED or FAILED with the differences. Exit 0 when all pass, 1 when any fails or
 * a scenario file is broken, 2 on bad usage (e.g. a NAME that matches no scenario).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the analysts' rule scenarios in RULES/tests/*.yaml and report each as PASSED or FAILED")
public class RulesTestCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "run only these scenarios (by name, or by file name without .yaml)")
    List<String> names = new ArrayList<>();

    private Configuration defaultConfig;
    private ConfigException defaultConfigProblem;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(ScenarioFolder.of(common.rules)))
            throw new UserError(ScenarioFolder.of(common.rules) + ": no scenario folder (put scenario files, *.yaml, in the tests/ folder of the rules)");
        ScenarioFolder.Contents contents;
        try {
            contents = ScenarioFolder.read(common.rules, this::configFromOption);
        } catch (IOException e) {
            throw new UserError(ScenarioFolder.of(common.rules) + ": cannot be read: " + e.getMessage());
        }
        if (contents.scenarios().isEmpty() && contents.broken().isEmpty())
            throw new UserError(ScenarioFolder.of(common.rules) + ": no scenario files (*.yaml) to run");
        List<Scenario> chosen = choose(contents);
        if (chosen.isEmpty()) return report(out, 0, 0, contents.broken()); // nothing to run: no need to compile
        RuleBase rules;
        try {
            rules = RuleCompiler.compile(common.rules);
        } catch (RuleProblems e) {
            e.problems().forEach(out::println);
            out.println("the rules in " + common.rules + " do not compile, so no scenario was run (see \"perfalert rules check\")");
            out.flush();
            return Main.INPUT_ERROR;
        }
        ScenarioRunner runner = new ScenarioRunner(rules);
        int passed = 0, failed = 0;
        for (Scenario s : chosen) {
            ScenarioResult r = runner.run(s);
            if (r.passed()) {
                passed++;
                out.println("PASSED  " + s.name());
            } else {
                failed++;
                out.println("FAILED  " + s.name() + "  (" + s.where() + ")");
                r.differences().forEach(d -> out.println("        " + d));
            }
        }
        return report(out, passed, failed, contents.broken());
    }

    /** Broken files count as failures: a scenario that cannot be read tests nothing. */
    private static int report(PrintWriter out, int passed, int failed, List<String> broken) {
        for (String b : broken) out.println("FAILED  " + b);
        out.println(passed + " passed, " + (failed + broken.size()) + " failed"
                + (broken.isEmpty() ? "" : " (" + broken.size() + " broken scenario file(s))"));
        out.flush();
        return failed + broken.size() == 0 ? Main.OK : Main.INPUT_ERROR;
    }

    /** The scenarios named on the command line (by name or file name), or all of them. Broken files are always reported. */
    private List<Scenario> choose(ScenarioFolder.Contents contents) {
        List<Scenario> all = contents.scenarios();
        if (names.isEmpty()) return all;
        List<Scenario> out = new ArrayList<>();
        for (String n : names) {
            List<Scenario> match = all.stream().filter(s -> s.name().equals(n)
                    || s.file().getFileName().toString().replaceFirst("\\.ya?ml$", "").equals(n)).toList();
            // a name may belong to a broken file: that is reported below as a failure, not as bad usage
            if (match.isEmpty() && contents.broken().isEmpty())
                throw new CommandLine.ParameterException(spec.commandLine(), "no scenario named \"" + n + "\" in " + ScenarioFolder.of(common.rules));
            match.stream().filter(s -> !out.contains(s)).forEach(out::add);
        }
        return out;
    }

    /** --config, read once and only when a scenario needs it. */
    private Configuration configFromOption() throws ConfigException {
        if (defaultConfigProblem != null) throw defaultConfigProblem;
        if (defaultConfig == null) {
            try {
                defaultConfig = ConfigLoader.loadForRules(common.config);
            } catch (ConfigException e) {
                defaultConfigProblem = e;
                throw e;
            }
        }
        return defaultConfig;
    }
}
