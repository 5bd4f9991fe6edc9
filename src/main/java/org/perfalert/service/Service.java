package org.perfalert.service;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.perfalert.ack.AckParts;
import org.perfalert.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The running service: Camel Main loading routes/*.camel.yaml from disk, with the beans of {@link ServiceBeans}
 * bound by Camel's convention and the settings (CONTRACT.md 4.1) offered to the routes as {{placeholders}}.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.service");

    /** Where things are and how often they happen. */
    public record Options(Path routesDir, Path inboxDir, Path stateDir, int httpPort, String digestCron,
                          String digestZone, long inboxPollMs, long outboxPeriodMs, long reloadPeriodMs,
                          int shutdownTimeoutSeconds) {

        /** The options the settings give; httpPort 0 or less turns the health endpoint off. */
        public static Options from(Settings s, Path routesDir) {
            return new Options(routesDir, s.getPath("inbox.dir"), s.getPath("service.state.dir"), s.getInt("http.port"),
                    s.get("digest.cron"), s.get("digest.zone"), s.getLong("inbox.poll.ms"), s.getLong("outbox.period.ms"),
                    s.getLong("reload.period.ms"), s.getInt("service.shutdown.seconds"));
        }
    }

    private final Main main;
    private final Options options;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Service(Main main, Options options) {
        this.main = main;
        this.options = options;
    }

    /** Starts the routes; returns once they run. */
    public static Service start(Assembly parts, Options o) throws Exception {
        Path routes = o.routesDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(routes))
            throw new IOException("the routes folder " + routes + " is missing (run from the repository's top folder, "
                    + "or point --routes at the folder with the *.camel.yaml files)");
        InboxOptions.from(parts.settings()); // a wrong inbox.complete or done-file name is reported before anything starts
        Files.createDirectories(o.inboxDir());
        Files.createDirectories(o.stateDir());

        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + routes.toString().replace('\\', '/') + "/*.camel.yaml");
        main.configure().setShutdownTimeout(o.shutdownTimeoutSeconds());
        main.configure().setName("perfalert");
        main.configure().setJmxEnabled(false);
        AckParts ack = AckParts.of(parts.store().dataSource(), () -> parts.rules().current().config(), parts.settings(),
                parts.store().clock());
        main.configure().addConfiguration(new ServiceBeans(parts, o, ack));
        if (o.httpPort() > 0) {
            // One HTTP server on http.bind:http.port: the acknowledge page, and health for localhost only (CONTRACT.md 4.1)
            main.configure().httpServer().withEnabled(true).withHost(parts.settings().get("http.bind").trim()).withPort(o.httpPort())
                    .withMaxBodySize(64L * 1024);
            main.configure().httpManagementServer().withEnabled(true).withHost("127.0.0.1").withPort(o.httpPort())
                    .withHealthCheckEnabled(true);
            main.configure().health().withInitialState("up").withExposureLevel("full");
        }
        main.start();
        try {
            if (o.httpPort() > 0) LocalOnly.guard(main.getCamelContext(), o.httpPort(), "/observe");
            // the acknowledging routes exist only for what is set up (routes/acknowledge.camel.yaml)
            if (ack.pageOn() && o.httpPort() > 0) main.getCamelContext().addRouteFromTemplate("acknowledge", "ack-page", Map.of());
            if (ack.repliesOn()) main.getCamelContext().addRouteFromTemplate("replies", "read-replies", Map.of());
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        LOG.info("acknowledging {}", ack.describe());
        LOG.info("service started inbox={} routes={} health={} digest.cron=\"{}\" digest.zone={}",
                o.inboxDir().toAbsolutePath(), routes, o.httpPort() > 0
                        ? "http://127.0.0.1:" + o.httpPort() + "/observe/health" : "off", o.digestCron(), o.digestZone());
        return new Service(main, o);
    }

    public CamelContext camel() { return main.getCamelContext(); }

    public Options options() { return options; }

    /**
     * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). The stop is graceful (see close); then the
     * parts given (the store) are closed, still inside the shutdown, so nothing is cut off half way.
     */
    public void awaitStop(AutoCloseable... thenClose) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            for (AutoCloseable c : thenClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("could not close {}: {}", c, e.toString());
                }
            }
        }, "perfalert-shutdown"));
        stopped.await();
    }

    /** Graceful: the file being loaded finishes; queued emails stay in the outbox for the next start. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) return;
        try {
            main.stop();
            LOG.info("service stopped");
        } catch (Exception e) {
            LOG.warn("service did not stop cleanly: {}", e.toString());
        } finally {
            stopped.countDown();
        }
    }
}
