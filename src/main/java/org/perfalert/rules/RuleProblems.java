package org.perfalert.rules;

import java.util.List;

/** The rule folder does not compile; each problem is FILE:LINE:COLUMN: message. */
public class RuleProblems extends Exception {
    private final List<String> problems;

    public RuleProblems(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
