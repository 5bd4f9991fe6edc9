package org.perfalert.pull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each source's state, kept in memory and, when a file is given, on disk (so a restart neither forgets a
 * run of failures nor tells the analysts about it again). Read by the health check.
 */
public final class PullHealth {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.pull");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, SourceState> states = new TreeMap<>();
    private final Path file;
    private final int threshold;

    /** @param file where the states are remembered, or null for memory only */
    public PullHealth(Path file, int threshold) {
        this.file = file;
        this.threshold = threshold;
        if (file != null && Files.exists(file)) {
            try {
                states.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, SourceState>>() { }));
            } catch (IOException e) {
                LOG.warn("source states in {} cannot be read, starting afresh: {}", file, e.getMessage());
            }
        }
    }

    public int threshold() { return threshold; }

    /** Records one pull; returns true when this failure is the one that must be told to the analysts. */
    public synchronized boolean record(String source, boolean ok, String error, Instant now) {
        SourceState.Step step = state(source).after(ok, error, now, threshold);
        states.put(source, step.next());
        save();
        return step.tellAnalysts();
    }

    public synchronized SourceState state(String source) { return states.getOrDefault(source, SourceState.NEW); }

    public synchronized Map<String, SourceState> all() { return new TreeMap<>(states); }

    private void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), states);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("source states cannot be saved in {}: {}", file, e.getMessage());
        }
    }
}
