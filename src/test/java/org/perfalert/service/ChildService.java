package org.perfalert.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * perfalert run in a child JVM of its own, to be killed for real: destroyForcibly (SIGKILL), or made to halt at a crash
 * point (-Dperfalert.crash-at, Runtime.halt: exit 137 with nothing flushed). Its settings are system properties; its
 * log goes to a file; its health endpoint says when it has finished its work.
 */
final class ChildService implements AutoCloseable {
    static final Path REPO = ServiceFixture.REPO;
    private static final Pattern NUMBER = Pattern.compile("\"([a-z.]+)\":(\\d+)");

    final Process process;
    final Path log;
    final int port;

    private ChildService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts perfalert run over root/config and root/rules with the settings given (and a free health port). */
    static ChildService start(Path root, Map<String, String> settings, String crashAt) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) { port = free.getLocalPort(); }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + REPO.resolve("src/main/resources/logback.xml"), "-Dhttp.port=" + port));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (crashAt != null) cmd.add("-Dperfalert.crash-at=" + crashAt);
        cmd.addAll(List.of("org.perfalert.cli.Main", "run", "--config", root.resolve("config").toString(),
                "--rules", root.resolve("rules").toString(), "--routes", REPO.resolve("routes").toString()));
        Path log = root.resolve("child-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new ChildService(p, log, port);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the routes run; fails with the log when the process ends first. */
    ChildService awaitStarted(Duration deadline) throws InterruptedException {
        ServiceFixture.await("the child service to start; its log:\n" + log(), deadline,
                () -> log().contains("service started") || !process.isAlive());
        if (!process.isAlive()) throw new AssertionError("the child service ended at start (" + process.exitValue() + "):\n" + log());
        return this;
    }

    /** Waits for the process to end by itself (a crash point); returns its exit code. */
    int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS))
            throw new AssertionError("the child service did not end; its log:\n" + log());
        return process.exitValue();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A number from the health endpoint's details ("months.owed"), if the endpoint answers. */
    OptionalInt health(String detail) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = NUMBER.matcher(r.body());
            while (m.find()) if (m.group(1).equals(detail)) return OptionalInt.of(Integer.parseInt(m.group(2)));
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }

    /** SIGTERM: the graceful stop. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }
}
