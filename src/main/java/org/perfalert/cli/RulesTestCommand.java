package org.perfalert.cli;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.ingest.RejectedInputException;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.*;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** rules test: run the scenarios in rules/tests/ and say which pass, with the difference for each failure. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the analysts' rule scenarios in rules/tests/ and report each as passed or failed")
public class RulesTestCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Configuration config = ConfigLoader.loadForRules(common.config);
        RuleBase rules;
        try {
            rules = RuleCompiler.compile(common.rules);
        } catch (RuleProblems e) {
            throw new UserError("the rules do not compile (run \"perfalert rules check\"):\n" + String.join("\n", e.problems()));
        }
        Path dir = common.rules.resolve("tests");
        List<Path> files;
        try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        if (files.isEmpty()) throw new UserError(dir + ": no scenario files (*.yaml); see rules/README.md");
        List<String> problems = new ArrayList<>();
        Evaluator evaluator = new Evaluator(rules, config.catalogue(), config.areas(), problems::add);
        int failed = 0;
        for (Path f : files) {
            List<String> diff = new ArrayList<>();
            String name = f.getFileName().toString();
            try {
                Scenario s = Scenario.read(f, config.areas());
                name = s.name();
                List<Observation> obs = new ArrayList<>(s.observations());
                if (!s.dataFiles().isEmpty()) obs.addAll(ObservationReader.readAll(s.dataFiles(), config));
                problems.clear();
                List<PerformanceException> raised = evaluator.evaluate(obs, s.month());
                diff.addAll(problems);
                diff.addAll(ScenarioCheck.differences(s, raised));
            } catch (IOException | IllegalArgumentException | RejectedInputException e) {
                diff.add("cannot be run: " + e.getMessage());
            }
            if (diff.isEmpty()) out.println("passed  " + f.getFileName() + ": " + name);
            else {
                failed++;
                out.println("FAILED  " + f.getFileName() + ": " + name);
                diff.forEach(d -> out.println("        " + d));
            }
        }
        out.println((files.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? Main.OK : Main.INPUT_ERROR;
    }
}
