package org.perfalert.cli;

import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** rules check: compile every rule file and its settings; FILE:LINE:COLUMN: message per problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile every rule file and print FILE:LINE:COLUMN: message for each problem")
public class RulesCheckCommand implements Callable<Integer> {
    @Mixin Common common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RuleBase base = RuleCompiler.compile(common.rules);
            out.println("OK: " + base.ruleIds().size() + " rules in " + common.rules + " compile");
            out.flush();
            return Main.OK;
        } catch (RuleProblems e) {
            e.problems().forEach(out::println);
            out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in " + common.rules);
            out.flush();
            return Main.INPUT_ERROR;
        }
    }
}
