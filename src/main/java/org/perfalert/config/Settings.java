package org.perfalert.config;

import java.util.*;

/**
 * application.properties with defaults (CONTRACT.md 4.1). A Java system property of the same name, or an
 * environment variable PERFALERT_NAME_IN_CAPITALS, overrides the file; secrets come only that way.
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
        d.put("store.url", "jdbc:h2:file:./data/perfalert");
        d.put("store.user", "sa");
        d.put("store.password", "");
        d.put("mail.mode", "file");
        d.put("mail.file.dir", "out/mail");
        d.put("mail.smtp.host", "localhost");
        d.put("mail.smtp.port", "25");
        d.put("mail.smtp.starttls", "false");
        d.put("mail.smtp.user", "");
        d.put("mail.smtp.password", "");
        d.put("mail.from", "perfalert@localhost");
        d.put("inbox.dir", "inbox");
        d.put("digest.cron", "0 0 7 ? * MON");
        d.put("digest.zone", "Europe/London");
        d.put("digest.dir", "out/digests");
        d.put("http.port", "8080");
        d.put("load.max.file.bytes", String.valueOf(200L * 1024 * 1024));
        d.put("ingest.max-abs-value", "1e12");
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

    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    public int getInt(String name) { return Integer.parseInt(get(name).trim()); }

    public long getLong(String name) { return Long.parseLong(get(name).trim()); }

    public boolean getBoolean(String name) { return Boolean.parseBoolean(get(name).trim()); }
}
