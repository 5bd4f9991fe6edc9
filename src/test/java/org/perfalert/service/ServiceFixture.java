package org.perfalert.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.perfalert.config.Settings;
import org.perfalert.fixtures.StandardRules;

import java.io.IOException;
import java.nio.file.*;
import java.time.Clock;
import java.time.Duration;
import java.util.*;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The real service in a temporary folder: copies of config/ and rules/, an H2 store, an inbox, and
 * a GreenMail SMTP server in-process receiving what the outbox sends.
 */
public final class ServiceFixture implements AutoCloseable {
    public static final Path REPO = Path.of(System.getProperty("perfalert.repo", ".")).toAbsolutePath();

    public final Path root;
    public final Path config;
    public final Path rules;
    public final Path inbox;
    public final GreenMail smtp;
    public final Assembly parts;
    public final Service service;

    ServiceFixture(Path root) throws Exception {
        this(root, 0);
    }

    /** httpPort 0: no health endpoint. */
    ServiceFixture(Path root, int httpPort) throws Exception {
        this(root, httpPort, Map.of(), Map.of());
    }

    /** With extra settings, and extra (or replaced) files in the configuration folder, e.g. sources.yaml. */
    ServiceFixture(Path root, int httpPort, Map<String, String> extraSettings, Map<String, String> configFiles) throws Exception {
        this(root, httpPort, extraSettings, configFiles, Map.of(), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /**
     * With the environment variables the service sees (its secrets: PERFALERT_LINK_SECRET, PERFALERT_MAIL_IMAP_PASSWORD)
     * and the mail servers GreenMail runs (the first is the SMTP server the outbox sends to).
     */
    public ServiceFixture(Path root, int httpPort, Map<String, String> extraSettings, Map<String, String> configFiles,
                          Map<String, String> env, ServerSetup... mailServers) throws Exception {
        this.root = root;
        this.config = copy(REPO.resolve("config"), root.resolve("config"));
        for (Map.Entry<String, String> e : configFiles.entrySet()) Files.writeString(config.resolve(e.getKey()), e.getValue());
        this.rules = copy(REPO.resolve("rules"), root.resolve("rules"));
        this.inbox = root.resolve("inbox");
        this.smtp = new GreenMail(mailServers);
        smtp.start();
        Properties p = new Properties();
        p.setProperty("store.url", "jdbc:h2:file:" + root.resolve("db/perfalert").toString().replace('\\', '/'));
        p.setProperty("store.user", "sa");
        p.setProperty("mail.mode", "smtp");
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        p.setProperty("inbox.dir", inbox.toString());
        p.setProperty("service.state.dir", root.resolve("state").toString());
        p.setProperty("inbox.poll.ms", "100");
        p.setProperty("outbox.period.ms", "200");
        p.setProperty("reload.period.ms", "200");
        p.setProperty("evaluate.period.ms", "100");
        p.setProperty("http.port", String.valueOf(httpPort));
        p.setProperty("pull.dir", root.resolve("pull").toString());
        extraSettings.forEach(p::setProperty);
        Settings settings = new Settings(p, env);
        this.parts = Assembly.open(settings, config, rules, Clock.systemUTC(), StandardRules::compile);
        this.service = Service.start(parts, Service.Options.from(settings, REPO.resolve("routes")));
    }

    /** Writes a file into the inbox under a hidden name, then renames it, as a careful sender would. */
    public Path drop(String name, String content) throws IOException {
        Path hidden = inbox.resolve("." + name + ".part");
        Files.writeString(hidden, content);
        return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public MimeMessage[] received() { return smtp.getReceivedMessages(); }

    /** The plain-text part of an email. */
    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) return (String) part.getContent();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String t = text(b);
                if (t != null) return t;
            }
        }
        return null;
    }

    /** Waits for a condition, polling, failing after the deadline (no fixed sleeps). */
    public static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(50);
        }
    }

    public static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    @Override
    public void close() {
        service.close();
        parts.close();
        smtp.stop();
    }
}
