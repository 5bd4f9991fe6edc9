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
import java.util.Map;
import java.time.*;
import java.time.temporal.TemporalAdjusters;
import org.perfalert.digest.Digest;
import org.perfalert.digest.WeeklyDigest;
import org.perfalert.ingest.FileResult;
import org.perfalert.rules.Wording;
import org.slf4j.LoggerFactory;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the service on embedded defaults (H2 store under out/data, mail and digests under out/), fed one month "
                + "of the sample data per simulated week, as a force sends its figures.")
public class DemoCommand implements Callable<Integer> {
    /** The file in the store's folder that says the demo made it (and may start it afresh). */
    static final String MARK = "made-by-perfalert-demo";

    @Mixin Common common;

    @Option(names = "--once", description = "exit when the sample data has been processed")
    boolean once;

    @Option(names = "--routes", defaultValue = "routes", description = "folder with the *.camel.yaml routes (default: ${DEFAULT-VALUE})")
    Path routes;

    @Option(names = "--out", defaultValue = "out", description = "where the demo keeps its inbox, mail and digests (default: ${DEFAULT-VALUE})")
    Path out;

    /** The contract keeps the demo's H2 store under out/; ack, silence, recipients and digest find it there (FilledStore). */
    static final String DEFAULT_DATA = "out/data";

    @Option(names = "--data", defaultValue = DEFAULT_DATA, description = "where the demo keeps its store; ack, silence, recipients "
            + "and digest use it when no store.url is set and ./data holds no store (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--http-port", description = "health endpoint port (default: http.port; 0 turns it off)")
    Integer httpPort;

    @Option(names = "--timeout", defaultValue = "900", description = "give up on a month after this many seconds (default: ${DEFAULT-VALUE})")
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
        startAfresh();
        Settings settings = demoSettings();
        List<YearMonth> months = DemoFeeder.months(repo);
        DemoClock clock = new DemoClock(arrival(months.get(0)));
        // one progress line per month; warnings and errors still show
        List<ch.qos.logback.classic.Logger> logs = java.util.stream.Stream.of("org.perfalert", "perfalert")
                .map(n -> (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(n)).toList();
        List<ch.qos.logback.classic.Level> levels = logs.stream().map(ch.qos.logback.classic.Logger::getLevel).toList();
        logs.forEach(l -> l.setLevel(ch.qos.logback.classic.Level.WARN));
        Totals totals = new Totals();
        try (Assembly parts = RunCommand.open(settings, common.config, common.rules, clock);
             Service service = RunCommand.start(parts, settings, routes)) {
            // The force's history goes in first, as when perfalert is installed: loaded and evaluated as a backfill
            // (its older months stored and emailed to no one, notify.max-age-months), before the first week.
            clock.set(arrival(months.get(0).minusMonths(1)));
            Path history = DemoFeeder.history(repo, out.resolve("history"), months.get(0));
            FileResult h = parts.pipeline().load(history);
            if (!h.loaded()) throw new UserError("the board history " + history + " was not loaded: " + h);
            if (!evaluated(parts, System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)))
                throw new UserError("the board history was not evaluated within " + timeoutSeconds + " s; see the log above");
            totals.leadEmails += drainOutbox(parts);
            out().println("demo: board history loaded and evaluated (" + history.getFileName() + "; " + totals.leadEmails
                    + " lead email(s) sent for its latest months), then one month of figures per week:");
            printWhereToLook(service);
            out().flush();
            for (YearMonth month : months) {
                clock.set(arrival(month));
                totals.add(feedOneWeek(parts, service, repo, month));
                out().flush();
            }
            if (!once) {
                out().println("demo: every month fed; the service keeps running (stop with Ctrl-C)");
                out().flush();
                service.awaitStop(parts);
                return Main.OK;
            }
            Map<String, Integer> left = parts.outboxCounts();
            out().println("demo: done. " + totals.files + " file(s) loaded, " + totals.rejected + " rejected, over " + months.size()
                    + " weeks; " + totals.leadEmails + " lead email(s) and " + totals.digests + " digest(s) sent as .eml files to "
                    + out.toAbsolutePath().resolve("mail") + (left.getOrDefault("pending", 0) > 0 ? " (" + left.get("pending")
                    + " still pending)" : "") + "; digests archived in " + out.toAbsolutePath().resolve("digests"));
            out().println("demo: the store is " + data.toAbsolutePath() + ": from this folder, perfalert ack, silence, recipients"
                    + " and digest work on it as the emails print them");
        } finally {
            for (int i = 0; i < logs.size(); i++) logs.get(i).setLevel(levels.get(i));
        }
        out().flush();
        return Main.OK;
    }

    /** A month's figures arrive on the first Tuesday of the month after, at 09:00: the demo's clock for its week. */
    static Instant arrival(YearMonth month) {
        return month.plusMonths(1).atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(9, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /** One simulated week: the month's files through the inbox, the lead emails sent, the week's digest sent. */
    private Totals feedOneWeek(Assembly parts, Service service, Path repo, YearMonth month) throws Exception {
        int expected = DemoFeeder.countMonth(repo, month);
        NotifyBuilder fed = new NotifyBuilder(service.camel()).fromRoute("ingest").whenDone(expected).create();
        List<String> names = DemoFeeder.month(repo, service.options().inboxDir(), month);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        if (!fed.matches(timeoutSeconds, TimeUnit.SECONDS) || !evaluated(parts, deadline))
            throw new UserError(month + " was not processed within " + timeoutSeconds + " s; see the log above");
        Totals t = new Totals();
        t.files = names.size();
        t.rejected = (int) names.stream().filter(n -> Files.exists(service.options().inboxDir().resolve("rejected").resolve(n))).count();
        t.leadEmails = drainOutbox(parts);
        WeeklyDigest.Outcome d = parts.digest().deliver(parts.digest().currentWeek());
        t.digests = d.sentNow() + drainOutbox(parts);
        Digest.Counts c = d.digest().counts();
        out().println("  " + d.week() + " (" + Wording.month(month) + "): " + t.files + " file(s)"
                + (t.rejected > 0 ? ", " + t.rejected + " rejected" : "") + "; " + d.digest().raised() + " exception(s) held, new: "
                + c.newConcerns() + " worse, " + c.newImprovements() + " better, " + c.newNeutral() + " with no better direction; "
                + t.leadEmails + " lead email(s) sent; digest " + (t.digests > 0 ? "sent" : "archived") + ": "
                + out.toAbsolutePath().resolve("digests").resolve(d.week().toString()).resolve("digest.html"));
        return t;
    }

    /** What the weeks added up to, for the summary (which the progress lines must agree with). */
    private static final class Totals {
        int files, rejected, leadEmails, digests;

        void add(Totals t) { files += t.files; rejected += t.rejected; leadEmails += t.leadEmails; digests += t.digests; }
    }

    /**
     * The demo starts from nothing: its inbox, mail and digests are cleared, and its store too when the demo made it.
     * A store the demo did not make (no mark beside it) is left alone and the demo refuses to run over it.
     */
    private void startAfresh() throws IOException {
        for (String sub : List.of("inbox", "mail", "digests", "history")) deleteTree(out.resolve(sub));
        boolean hasStore = Files.isDirectory(data) && Files.exists(data.resolve("perfalert.mv.db"));
        if (hasStore && !Files.exists(data.resolve(MARK)))
            throw new UserError(data.toAbsolutePath() + " holds a store the demo did not make; the demo will not overwrite it "
                    + "(move it away, or give the demo another folder with --data)");
        if (Files.isDirectory(data)) deleteTree(data);
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARK), "This store was made by perfalert demo, which clears it when it runs again.\n");
    }

    /**
     * Evaluates every month the week's files owe, once they are all in (false at the deadline or when the pipeline
     * stopped): the demo does it itself, not the evaluate route, so that a week's files make one run and one email per
     * lead, the same on every machine.
     */
    private static boolean evaluated(Assembly parts, long deadline) {
        while (!parts.pipeline().owed().isEmpty()) {
            if (System.nanoTime() > deadline || parts.pipeline().stopped().isPresent()) return false;
            parts.pipeline().evaluateOwed(parts.pipeline().newRunId("demo"));
        }
        return true;
    }

    private static int drainOutbox(Assembly parts) throws Exception {
        int total = 0;
        for (int sent; (sent = parts.sendDue()) > 0; ) total += sent;
        return total;
    }

    /** The demo's own clock: a week per month of figures, whatever the time of day. */
    static final class DemoClock extends Clock {
        private volatile Instant now;

        DemoClock(Instant start) { now = start; }

        void set(Instant t) { now = t; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** The configuration's settings with the demo's embedded defaults on top (system properties and PERFALERT_ still win). */
    private Settings demoSettings() throws Exception {
        Properties p = new Properties();
        Path file = common.config.resolve("application.properties");
        if (Files.exists(file)) try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { p.load(r); }
        Path abs = out.toAbsolutePath();
        Path store = data.toAbsolutePath();
        p.setProperty("store.url", "jdbc:h2:file:" + store.resolve("perfalert").toString().replace('\\', '/'));
        p.setProperty("store.user", "sa");
        p.setProperty("mail.mode", "file");
        p.setProperty("mail.file.dir", abs.resolve("mail").toString());
        p.setProperty("digest.dir", abs.resolve("digests").toString());
        p.setProperty("inbox.dir", abs.resolve("inbox").toString());
        p.setProperty("service.state.dir", store.toString());
        p.setProperty("pull.dir", store.resolve("pull").toString());
        p.setProperty("inbox.poll.ms", "200");
        p.setProperty("outbox.period.ms", "3600000");   // the demo sends each week's emails itself, and counts them
        p.setProperty("evaluate.period.ms", "3600000");   // the demo evaluates each week's owed months itself
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
        out().println("  store (H2):                                                     " + data.toAbsolutePath());
        if (service.options().httpPort() > 0)
            out().println("  health:                                                         http://127.0.0.1:"
                    + service.options().httpPort() + "/observe/health");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
