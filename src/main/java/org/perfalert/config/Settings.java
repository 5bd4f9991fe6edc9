package org.perfalert.config;

import java.nio.file.Path;
import java.util.*;

/**
 * application.properties with defaults (CONTRACT.md 4.1). A Java system property of the same name, or an
 * environment variable PERFALERT_NAME_IN_CAPITALS, overrides the file; secrets come only that way.
 * {@link #DEFAULTS} is the one place every setting's default is written: the stages read their settings
 * as typed records (MailSettings, NotifyPolicy, DigestSettings, PullSettings, Service.Options …) from here.
 */
public final class Settings {
    public static final Map<String, String> DEFAULTS = defaults();

    private final Properties file;
    private final Map<String, String> env;

    public Settings(Properties file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    public static Settings defaultsOnly() { return new Settings(new Properties(), System.getenv()); }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        // the store (CONTRACT.md 4.1)
        d.put("store.url", "jdbc:h2:file:./data/perfalert");
        d.put("store.user", "sa");
        d.put("store.password", "");
        // several instances on one database (docs/operations.md): this instance's name (empty: host-pid-random),
        // how long its claim on a dropped file lasts, how often the clustered schedules check in
        d.put("instance.id", "");
        d.put("inbox.claim.lease.seconds", "120");
        d.put("schedule.cluster.checkin.ms", "5000");
        // mail (CONTRACT.md 4.1) and retrying it
        d.put("mail.mode", "file");
        d.put("mail.file.dir", "out/mail");
        d.put("mail.smtp.host", "localhost");
        d.put("mail.smtp.port", "25");
        d.put("mail.smtp.starttls", "false");
        d.put("mail.smtp.user", "");
        d.put("mail.smtp.password", "");
        d.put("mail.from", "perfalert@localhost");
        d.put("mail.retry.first.seconds", "60");
        d.put("mail.retry.max.seconds", "3600");
        d.put("mail.retry.attempts", "20");
        d.put("mail.smtp.allow-plaintext", "false");
        d.put("mail.max-unknown-resends", "2");
        d.put("mail.send.lease.seconds", "120");
        // the notification policy (docs/alerts-and-email.md)
        d.put("notify.email.statuses", "new");
        d.put("notify.email.severities", "high,medium");
        d.put("notify.email.kinds", "signal,threshold");
        d.put("notify.email.directions", "concern,neutral");
        d.put("notify.withdrawn", "true");
        d.put("notify.email.max.items", "10");
        d.put("notify.max-age-months", "2");
        // evaluation (docs/operations.md)
        d.put("evaluate.budget.seconds", "60");
        d.put("evaluate.budget.matches-per-series", "100");
        d.put("evaluate.chunk.months", "120");
        // compiled rules kept between commands (docs/rules-engine.md): empty is $XDG_CACHE_HOME/perfalert/rules
        // or ~/.cache/perfalert/rules, "none" compiles every time
        d.put("rules.cache.dir", "");
        // loading
        d.put("inbox.dir", "inbox");
        d.put("inbox.complete", "rename");
        d.put("inbox.done-file-name", "${file:name}.done");
        d.put("load.max.file.bytes", String.valueOf(200L * 1024 * 1024));
        d.put("ingest.max-abs-value", "1e12");
        // the weekly digest (docs/digest.md)
        d.put("digest.cron", "0 0 7 ? * MON");
        d.put("digest.zone", "Europe/London");
        d.put("digest.dir", "out/digests");
        d.put("digest.top", "10");
        // pulls (docs/sources.md)
        d.put("pull.dir", "data/pull");
        d.put("pull.failures.before.email", "3");
        d.put("pull.tick.ms", "60000");
        // the service (docs/service.md)
        d.put("http.port", "8080");
        // acknowledging from the email (docs/acknowledging.md); the secrets PERFALERT_LINK_SECRET and
        // PERFALERT_MAIL_IMAP_PASSWORD come from the environment only
        d.put("http.bind", "127.0.0.1");
        d.put("http.public-url", "");
        d.put("ack.link.days", "30");
        d.put("mail.imap.host", "");
        d.put("mail.imap.port", "143");
        d.put("mail.imap.user", "");
        d.put("mail.imap.address", "");
        d.put("mail.imap.starttls", "true");
        d.put("mail.imap.poll.ms", "60000");
        d.put("service.state.dir", "data");
        d.put("service.shutdown.seconds", "60");
        d.put("inbox.poll.ms", "1000");
        d.put("outbox.period.ms", "10000");
        d.put("reload.period.ms", "2000");
        d.put("evaluate.period.ms", "1000");
        d.put("health.inbox.max-age-minutes", "15");
        return Collections.unmodifiableMap(d);
    }

    /** The value in force: system property, then environment, then file, then default; null if none. */
    public String get(String name) {
        String v = System.getProperty(name);
        if (v != null) return v;
        v = env.get("PERFALERT_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        if (v != null) return v;
        v = file.getProperty(name);
        if (v != null) return v.trim();
        return DEFAULTS.get(name);
    }

    /** These settings with one value set as if in the file (system properties and environment still win). */
    public Settings with(String name, String value) {
        Properties copy = new Properties();
        copy.putAll(file);
        copy.setProperty(name, value);
        return new Settings(copy, env);
    }

    /** A secret: read from the environment variable only, never from a file or a system property; null when unset. */
    public String secret(String environmentVariable) {
        String v = env.get(environmentVariable);
        return v == null || v.isBlank() ? null : v;
    }

    /** A whole number; a clear error naming the setting when it is not one. */
    public int getInt(String name) {
        long v = getLong(name);
        if (v != (int) v) throw new IllegalArgumentException(name + " " + v + " is too large");
        return (int) v;
    }

    public long getLong(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " \"" + v + "\" is not a whole number");
        }
    }

    /** A path (relative paths are taken from where perfalert runs). */
    public Path getPath(String name) { return Path.of(required(name)); }

    private String required(String name) {
        String v = get(name);
        if (v == null) throw new IllegalArgumentException("the setting " + name + " is not set and has no default");
        return v.trim();
    }
}
