package org.perfalert.service;

import org.perfalert.pipeline.RunParts;
import org.perfalert.pipeline.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every version of the rules is tried ({@link Trial}) before it is put in force. A changed version that fails stays
 * out (a broken version: the running one stays, the analysts are told). The version the service starts with is put
 * in force even so, with evaluation stopped, so loading files and sending emails go on while the analysts fix it.
 * <p>
 * A trial that takes the process with it (out of memory) must not do so at every restart: the version on trial is
 * written to a marker file first and the marker removed after; a version found there twice is not tried a third time.
 */
final class TrialGate {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.reload");
    static final int ATTEMPTS = 2;

    private final Trial trial;
    private final Path marker;
    private boolean first = true;
    private String firstProblem;

    TrialGate(Trial trial, Path marker) {
        this.trial = trial;
        this.marker = marker;
    }

    /** The parts of a sound version; a failed trial is a broken version, except for the first (see firstProblem). */
    synchronized RunParts admit(RunParts parts, String hash) throws BrokenVersion {
        boolean starting = first;
        first = false;
        Optional<String> problem = tryOut(parts, hash);
        if (problem.isEmpty()) return parts;
        if (!starting) throw new BrokenVersion(List.of(problem.get()));
        firstProblem = problem.get();
        return parts;
    }

    /** Why the version the service started with failed its trial, or null when it passed. */
    synchronized String firstProblem() { return firstProblem; }

    int abandonedThreads() { return trial.abandonedThreads(); }

    private Optional<String> tryOut(RunParts parts, String hash) {
        int attempts = attemptsOf(hash);
        if (attempts >= ATTEMPTS)
            return Optional.of("rules/: the last " + attempts + " trials of this version did not end: the process died during them"
                    + " (out of memory?). Correct the rules, or delete " + marker + " to try this version again");
        write(hash + " " + (attempts + 1));
        LOG.info("rules on trial version={} attempt={}", hash, attempts + 1);
        Optional<String> problem = trial.run(parts);
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", marker, e.toString());
        }
        problem.ifPresentOrElse(p -> LOG.error("rules failed their trial version={} problem=\"{}\"", hash, p),
                () -> LOG.info("rules passed their trial version={}", hash));
        return problem;
    }

    private int attemptsOf(String hash) {
        try {
            if (!Files.exists(marker)) return 0;
            String[] parts = Files.readString(marker, StandardCharsets.UTF_8).trim().split(" ");
            return parts.length == 2 && parts[0].equals(hash) ? Integer.parseInt(parts[1]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void write(String text) {
        try {
            Files.createDirectories(marker.toAbsolutePath().getParent());
            Files.writeString(marker, text + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("could not write {}: {}", marker, e.toString());
        }
    }
}
