package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.RuleWarnings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * rules check: compile every rule file and its settings; FILE:LINE:COLUMN: message per problem, then
 * FILE:LINE:COLUMN: warning: … for what compiles but cannot be meant (a metric id or area name the
 * configuration lacks, the severity of a rule the pack lacks). Errors fail the check (exit 1);
 * warnings alone do not (exit 0).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile every rule file and print FILE:LINE:COLUMN: message for each problem, and warnings for"
                + " metric ids and area names the configuration does not have (warnings alone exit 0)")
public class RulesCheckCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleBase base = null;
        List<String> problems = List.of();
        try {
            base = RuleCompiler.compile(common.rules);
        } catch (RuleProblems e) {
            problems = e.problems();
        }
        List<String> warnings = Files.isDirectory(common.rules) ? warnings(base) : List.of();
        problems.forEach(out::println);
        warnings.forEach(out::println);
        String w = warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning");
        if (base != null) out.println("OK: " + base.ruleIds().size() + " rules in " + common.rules + " compile" + w);
        else out.println(count(problems.size(), "problem") + w + " in " + common.rules);
        out.flush();
        return base != null ? Main.OK : Main.INPUT_ERROR;
    }

    private List<String> warnings(RuleBase base) {
        List<String> out = new ArrayList<>();
        try {
            Configuration config = ConfigLoader.loadForRules(common.config);
            out.addAll(RuleWarnings.names(common.rules, config.catalogue(), config.areas(),
                    common.config.resolve("metrics.yaml").toString(), common.config.resolve("areas.yaml").toString()));
        } catch (ConfigException e) {
            out.add(common.config + ":1:1: warning: metric ids and area names in the rules were not checked, as the configuration"
                    + " cannot be read (" + e.problems().size() + " problems; see perfalert evaluate)");
        } catch (IOException e) {
            out.add(common.rules + ":1:1: warning: the rule files cannot be read for the names check: " + e.getMessage());
        }
        if (base != null) {
            try { out.addAll(RuleWarnings.severities(common.rules, base.settings(), base.ruleIds())); }
            catch (IOException e) { out.add(common.rules + ":1:1: warning: the settings cannot be read: " + e.getMessage()); }
        }
        return out;
    }

    private static String count(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }
}
