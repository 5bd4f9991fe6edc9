package org.perfalert.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The benchmark's findings: printed as they come and kept in a Markdown file. */
final class Report {
    private final StringBuilder text = new StringBuilder();
    private final PrintStream out;
    private final Path file;

    Report(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        text.append(s).append('\n');
        out.println(s);
        out.flush();
        save();
    }

    /** The load average now (1, 5, 15 minutes), to show how busy the machine was. */
    static String load() {
        try { return Files.readString(Path.of("/proc/loadavg")).trim(); } catch (IOException e) { return "unknown"; }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            out.println("(cannot write " + file + ": " + e.getMessage() + ")");
        }
    }
}
