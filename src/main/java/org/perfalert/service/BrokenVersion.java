package org.perfalert.service;

import java.util.List;

/** A version of rules/ or config/ that cannot be used; each problem names FILE:LINE and what is wrong. */
public class BrokenVersion extends Exception {
    private final List<String> problems;

    public BrokenVersion(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
