package org.perfalert.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The archived copies under digest.dir: one folder per week (2025-W48/) with digest.html, digest.txt and the
 * images in img/. Writing a week again replaces its folder whole.
 */
public final class DigestArchive {
    public static final String IMAGES = "img";
    private final Path dir;

    public DigestArchive(Path dir) { this.dir = dir; }

    public Path folder(DigestWeek week) { return dir.resolve(week.toString()); }

    public boolean exists(DigestWeek week) { return Files.exists(folder(week).resolve("digest.html")); }

    /** Writes the week's copy (replacing an earlier one); returns the HTML file. */
    public Path write(DigestWeek week, String html, String text, Map<String, byte[]> images) throws IOException {
        Files.createDirectories(dir);
        Path target = folder(week);
        Path tmp = Files.createTempDirectory(dir, week + ".tmp-");
        writeHtml(tmp.resolve("digest.html"), IMAGES, html, images);
        Files.writeString(tmp.resolve("digest.txt"), text, StandardCharsets.UTF_8);
        if (Files.exists(target)) deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target.resolve("digest.html");
    }

    /** Writes an HTML file and its images in a folder imagesDir beside it (the HTML refers to imagesDir/NAME). */
    public static void writeHtml(Path file, String imagesDir, String html, Map<String, byte[]> images) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!images.isEmpty()) {
            Path img = parent.resolve(imagesDir);
            Files.createDirectories(img);
            for (Map.Entry<String, byte[]> e : images.entrySet()) Files.write(img.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
