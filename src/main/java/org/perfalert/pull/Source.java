package org.perfalert.pull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One place perfalert pulls figures from, as declared in config/sources.yaml. Exactly one of sql, http and
 * folder is set, the one its kind names.
 *
 * @param schedule a Quartz cron expression, read in Europe/London
 * @param months   how many recent complete months one scheduled pull asks for (1 = last month)
 */
public record Source(String name, Kind kind, String schedule, boolean enabled, int months,
                     Sql sql, Http http, Folder folder) {

    public enum Kind {
        SQL, HTTP, FOLDER;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * A warehouse query. The password is read from the environment variable passwordEnv when pulling,
     * never from a file. The query's {@code :from} and {@code :to} are bound as 'YYYY-MM' strings.
     */
    public record Sql(String url, String user, String passwordEnv, String query, Duration timeout) { }

    /** A value given in the file, or read from an environment variable when pulling (for secrets). */
    public record Value(String literal, String env) {
        public String resolve(Map<String, String> environment) throws PullFailure {
            if (env == null) return literal;
            String v = environment.get(env);
            if (v == null) throw new PullFailure("the environment variable " + env + " is not set (set it where perfalert runs)");
            return v;
        }
    }

    /**
     * A URL returning tidy CSV, JSON or a data.police.uk street file. A {@code {month}} in the URL makes one
     * request per month (YYYY-MM); format is csv, json or police.uk (null: told from the URL or content type).
     */
    public record Http(String url, String format, Map<String, Value> headers, Duration connectTimeout, Duration readTimeout) { }

    /** A folder whose files are loaded (and filed in processed/ or rejected/) on the schedule. */
    public record Folder(Path dir) { }

    /** Where the figures come from, for messages (never with a password). */
    public String where() {
        return switch (kind) {
            case SQL -> sql.url() + " as " + sql.user();
            case HTTP -> http.url();
            case FOLDER -> folder.dir().toString();
        };
    }
}
