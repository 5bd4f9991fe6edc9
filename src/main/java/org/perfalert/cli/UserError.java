package org.perfalert.cli;

/** A mistake in the user's input, files or rules: printed without a stack trace, exit code 1. */
public class UserError extends RuntimeException {
    public UserError(String message) { super(message); }
}
