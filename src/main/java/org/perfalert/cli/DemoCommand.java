package org.perfalert.cli;

import org.apache.camel.builder.NotifyBuilder;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Settings;
import org.perfalert.service.Assembly;
import org.perfalert.service.DemoFeeder;
import org.perfalert.service.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the service on embedded defaults (H2, mail and digests under out/), fed month by month with the sample data.")
public class DemoCommand implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--once", description = "exit when the sample data has been processed")
    boolean once;

    @Option(names = "--routes", defaultValue = "routes", description = "folder with the *.camel.yaml routes (default: ${DEFAULT-VALUE})")
    Path routes;

    @Option(names = "--out", defaultValue = "out", description = "where the demo keeps its store, inbox, mail and digests (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--http-port", description = "health endpoint port (default: http.port; 0 turns it off)")
    Integer httpPort;

    @Option(names = "--timeout", defaultValue = "900", description = "with --once: give up after this many seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Where the demo says what it does (the terminal, or what a test captures). */
    private java.io.PrintWriter out() { return spec.commandLine().getOut(); }

    @Override
    public Integer call() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(repo.resolve(DemoFeeder.STREET)) || !Files.isDirectory(routes))
            throw new UserError("the demo runs from the repository's top folder (samples/ and routes/ are not here: " + repo + ")");
        JvmFlags.outOfMemoryWarning().ifPresent(w -> out().println(w));
        for (String sub : List.of("inbox", "mail", "digests", "data")) deleteTree(out.resolve(sub));
        Settings settings = demoSettings();

        try (Assembly parts = RunCommand.open(settings, common.config, common.rules);
             Service service = RunCommand.start(parts, settings, routes)) {
            NotifyBuilder fed = null;
            List<String> names;
            if (once) fed = new NotifyBuilder(service.camel()).fromRoute("ingest").whenDone(DemoFeeder.count(repo)).create();
            names = DemoFeeder.feed(repo, service.options().inboxDir());
            out().println("demo: " + names.size() + " sample files fed to " + service.options().inboxDir() + " (month by month)");
            printWhereToLook(service);
            out().flush();
            if (!once) {
                service.awaitStop(parts);
                return Main.OK;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            if (!fed.matches(timeoutSeconds, TimeUnit.SECONDS) || !evaluated(parts, deadline))
                throw new UserError("the sample data was not processed within " + timeoutSeconds + " s; see the log above");
            int sent = drainOutbox(parts);
            String digest = parts.digest().thisWeek();   // everything was fed this week
            sent += drainOutbox(parts);
            out().println("demo: sample data processed; " + sent + " email(s) sent in the last pass; digest: " + digest);
        }
        printSummary();
        out().flush();
        return Main.OK;
    }

    /** Waits until the evaluate route has paid every month the files owed (false at the deadline or when it stopped). */
    private static boolean evaluated(Assembly parts, long deadline) throws InterruptedException {
        while (!parts.pipeline().owed().isEmpty()) {
            if (System.nanoTime() > deadline || parts.pipeline().stopped().isPresent()) return false;
            Thread.sleep(100);
        }
        return true;
    }

    private static int drainOutbox(Assembly parts) throws Exception {
        int total = 0;
        for (int sent; (sent = parts.sendDue()) > 0; ) total += sent;
        return total;
    }

    /** The configuration's settings with the demo's embedded defaults on top (system properties and PERFALERT_ still win). */
    private Settings demoSettings() throws Exception {
        Properties p = new Properties();
        Path file = common.config.resolve("application.properties");
        if (Files.exists(file)) try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { p.load(r); }
        Path abs = out.toAbsolutePath();
        p.setProperty("store.url", "jdbc:h2:file:" + abs.resolve("data").resolve("perfalert").toString().replace('\\', '/'));
        p.setProperty("store.user", "sa");
        p.setProperty("mail.mode", "file");
        p.setProperty("mail.file.dir", abs.resolve("mail").toString());
        p.setProperty("digest.dir", abs.resolve("digests").toString());
        p.setProperty("inbox.dir", abs.resolve("inbox").toString());
        p.setProperty("service.state.dir", abs.resolve("data").toString());
        p.setProperty("pull.dir", abs.resolve("data").resolve("pull").toString());
        p.setProperty("inbox.poll.ms", "200");
        p.setProperty("outbox.period.ms", "2000");
        p.setProperty("evaluate.period.ms", "200");
        // The demo replays five years as if each month arrived in its month, so every month is emailed; a real
        // inbox given five years at once would treat all but the last months as a backfill (notify.max-age-months).
        p.setProperty("notify.max-age-months", "1200");
        if (httpPort != null) p.setProperty("http.port", String.valueOf(httpPort));
        Settings s = new Settings(p, System.getenv());
        int port = s.getInt("http.port");
        if (port > 0 && !free(port)) {
            // The demo should run anywhere: a busy port costs the health endpoint, not the demo.
            out().println("demo: port " + port + " is in use, so the health endpoint is off (choose one with --http-port)");
            p.setProperty("http.port", "0");
            s = new Settings(p, System.getenv());
        }
        ConfigLoader.load(common.config); // a broken configuration is reported before anything starts
        return s;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void printWhereToLook(Service service) {
        Path abs = out.toAbsolutePath();
        out().println("demo: where to look");
        out().println("  inbox (files move to processed/ or rejected/ with a .report.txt): " + abs.resolve("inbox"));
        out().println("  lead emails (.eml, open in a mail program):                     " + abs.resolve("mail"));
        out().println("  weekly digests:                                                 " + abs.resolve("digests"));
        out().println("  store (H2):                                                     " + abs.resolve("data"));
        if (service.options().httpPort() > 0)
            out().println("  health:                                                         http://127.0.0.1:"
                    + service.options().httpPort() + "/observe/health");
        if (!once) out().println("  stop with Ctrl-C");
    }

    private void printSummary() throws IOException {
        Path abs = out.toAbsolutePath();
        out().println("demo: done. " + count(abs.resolve("inbox/processed"), ".report.txt", false) + " file(s) processed, "
                + count(abs.resolve("inbox/rejected"), ".report.txt", false) + " rejected; "
                + count(abs.resolve("mail"), ".eml", true) + " email(s) in " + abs.resolve("mail") + "; "
                + weeks(abs.resolve("digests")) + " weekly digest(s) in " + abs.resolve("digests") + " (one folder per week)");
    }

    /** Archived digests: one folder per week holding digest.html. */
    private static long weeks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) { return s.filter(w -> Files.isRegularFile(w.resolve("digest.html"))).count(); }
    }

    private static long count(Path dir, String suffix, boolean with) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix) == with || suffix.isEmpty()).count();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
