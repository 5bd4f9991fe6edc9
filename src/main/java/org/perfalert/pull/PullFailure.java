package org.perfalert.pull;

/** A pull that did not bring a payload: the source is down, timed out, refused us or sent nothing usable. */
public class PullFailure extends Exception {
    public PullFailure(String message) { super(message); }

    public PullFailure(String message, Throwable cause) { super(message, cause); }
}
