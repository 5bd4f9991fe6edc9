package org.perfalert.service;

import org.perfalert.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How the inbox knows a file is complete (docs/service.md, "The inbox"), and how long a file may wait there before the
 * health check says so.
 * <ul>
 * <li>{@code inbox.complete=rename} (default): a file is read once it has its final name. Write it under a name that
 *     starts with a dot (the inbox never reads those) and rename it when complete; the rename is atomic.</li>
 * <li>{@code inbox.complete=done-file}: a file is read only once its done-marker is there, named by
 *     {@code inbox.done-file-name} (default {@code ${file:name}.done}); write the marker after the file.</li>
 * </ul>
 *
 * @param doneFileName the done-marker pattern, null in rename mode
 */
public record InboxOptions(Path dir, String doneFileName, Duration maxWait) {
    static final String FILE_NAME = "${file:name}";

    public static InboxOptions from(Settings s) {
        String mode = s.get("inbox.complete").trim().toLowerCase(Locale.ROOT);
        String done = null;
        switch (mode) {
            case "rename" -> { }
            case "done-file" -> {
                done = s.get("inbox.done-file-name").trim();
                if (!done.contains(FILE_NAME) || done.equals(FILE_NAME) || done.contains("/") || done.contains("\\"))
                    throw new IllegalArgumentException("inbox.done-file-name \"" + done + "\" must name a marker beside the file"
                            + " and contain " + FILE_NAME + ", e.g. " + FILE_NAME + ".done");
            }
            default -> throw new IllegalArgumentException("inbox.complete \"" + mode + "\" is not known (use rename or done-file)");
        }
        long minutes = s.getLong("health.inbox.max-age-minutes");
        if (minutes < 1) throw new IllegalArgumentException("health.inbox.max-age-minutes must be at least 1");
        return new InboxOptions(s.getPath("inbox.dir"), done, Duration.ofMinutes(minutes));
    }

    public boolean doneFiles() { return doneFileName != null; }

    /** The done-marker's name for a file's name (null in rename mode). */
    public UnaryOperator<String> marker() {
        return doneFileName == null ? null : name -> doneFileName.replace(FILE_NAME, name);
    }

    /**
     * The inbox endpoint's options that depend on the mode, offered to routes/ingest.camel.yaml as optional placeholders
     * (null: the option is left out): {{?inbox.done-marker}} (Camel's doneFileName) in done-file mode, and
     * {{?inbox.read-lock}} in rename mode, a further guard against a writer that does not rename (size and time stamp
     * unchanged for a second), which is not enough on its own.
     */
    String endpointOption(String name) {
        return switch (name) {
            case "inbox.done-marker" -> doneFileName;
            case "inbox.read-lock" -> doneFileName == null ? "changed" : null;
            default -> null;
        };
    }
}
