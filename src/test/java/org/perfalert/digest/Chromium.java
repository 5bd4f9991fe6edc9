package org.perfalert.digest;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian package "chromium") for the browser check. Absent, the test is skipped, unless
 * PERFALERT_TEST_REQUIRE_CHROMIUM=true (CI), when that is a failure.
 */
public final class Chromium {
    private Chromium() { }

    public static Path require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("PERFALERT_TEST_REQUIRE_CHROMIUM")))
                Assertions.fail("PERFALERT_TEST_REQUIRE_CHROMIUM=true but no chromium on the PATH (apt-get install -y chromium)");
            Assumptions.abort("chromium is not installed (apt-get install -y chromium); browser check skipped");
        }
        return found.get();
    }

    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            for (String name : List.of("chromium", "chromium-browser", "google-chrome"))
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return Optional.of(Path.of(dir, name));
        return Optional.empty();
    }

    /** Renders a local HTML file to a PNG of the window size given. */
    static void screenshot(Path chromium, Path html, Path png, int width, int height, Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(), "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, html.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        // A guard against a hung browser, not a timing assertion.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("chromium did not finish rendering " + html);
        }
        Assertions.assertEquals(0, p.exitValue(), () -> "chromium failed: " + log(profile));
    }

    private static String log(Path profile) {
        try { return Files.readString(profile.resolveSibling("chromium.log")); } catch (IOException e) { return e.toString(); }
    }
}
