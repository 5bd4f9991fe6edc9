package org.perfalert.ingest;

import java.util.List;

/**
 * One or more input files are bad. The message lists every problem, one a line, as
 * {@code FILE:LINE[:COLUMN]: what is wrong (how to fix)}.
 */
public class RejectedInputException extends RuntimeException {
    private final List<String> problems;

    public RejectedInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
