package org.perfalert.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Issue 17: on PostgreSQL, the tables of Quartz's clustered job store (the schedules that run once per cluster: the
 * digest, the pulls, the outbox sender). The DDL is Quartz's own, read from its jar at migration time
 * ({@code tables_postgres.sql}, without its DROP statements). On H2, one process runs the schedules in memory: nothing.
 */
public class V31__quartz_tables extends BaseJavaMigration {
    static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) return;
        try (Statement st = c.createStatement()) {
            for (String sql : statements(ddl())) st.execute(sql);
        }
    }

    /** The CREATE statements of the script: comments, DROPs and its final COMMIT left out (Flyway commits). */
    static java.util.List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) if (!line.trim().startsWith("--")) text.append(line).append('\n');
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : text.toString().split(";")) {
            String sql = s.trim();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) continue;
            out.add(sql);
        }
        return out;
    }

    private static String ddl() throws IOException, SQLException {
        try (InputStream in = V31__quartz_tables.class.getClassLoader().getResourceAsStream(DDL)) {
            if (in == null) throw new SQLException("Quartz's " + DDL + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
