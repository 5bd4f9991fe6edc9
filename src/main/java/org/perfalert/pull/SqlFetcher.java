package org.perfalert.pull;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.*;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a source's query on the warehouse, read-only (a read-only connection, and a transaction that is
 * always rolled back), with the first and last month bound as parameters, and writes the rows as tidy CSV
 * (CONTRACT.md 1.1) for the loader. The columns are named by the query; the loader checks them.
 */
public final class SqlFetcher implements Fetcher {
    private final Map<String, String> env;

    public SqlFetcher(Map<String, String> env) { this.env = env; }

    @Override
    public List<Path> fetch(Source source, PullWindow window, Path staging) throws PullFailure {
        Source.Sql sql = source.sql();
        String password = sql.passwordEnv() == null ? "" : new Source.Value(null, sql.passwordEnv()).resolve(env);
        Path file = staging.resolve(source.name() + "-" + window.label() + ".csv");
        SqlParameters.Jdbc q = SqlParameters.toJdbc(sql.query());
        try (Connection c = DriverManager.getConnection(sql.url(), sql.user(), password)) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                ps.setQueryTimeout((int) sql.timeout().toSeconds());
                ps.setFetchSize(1000); // stream the rows (PostgreSQL only does so inside a transaction, as here)
                for (int i = 0; i < q.order().size(); i++)
                    ps.setString(i + 1, q.order().get(i).equals("from") ? window.from().toString() : window.to().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    write(rs, file);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLTimeoutException e) {
            throw new PullFailure("the query took longer than " + sql.timeout().toSeconds() + " s (raise timeout_seconds or make it faster)", e);
        } catch (SQLException e) {
            throw new PullFailure("the warehouse at " + sql.url() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PullFailure("cannot write the rows to " + file + ": " + e.getMessage(), e);
        }
        return List.of(file);
    }

    private static void write(ResultSet rs, Path file) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        String[] header = new String[md.getColumnCount()];
        for (int i = 0; i < header.length; i++) header[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            while (rs.next()) {
                Object[] row = new Object[header.length];
                for (int i = 0; i < header.length; i++) row[i] = render(rs.getObject(i + 1), header[i]);
                out.printRecord(row);
            }
        }
    }

    /** As the tidy CSV reader expects: months as YYYY-MM, numbers without exponent, nothing for null. */
    static String render(Object v, String column) {
        if (v == null) return "";
        if ("month".equals(column)) {
            if (v instanceof Date d) return YearMonth.from(d.toLocalDate()).toString();
            if (v instanceof Timestamp t) return YearMonth.from(t.toLocalDateTime()).toString();
            if (v instanceof TemporalAccessor t && !(v instanceof YearMonth)) return YearMonth.from(LocalDate.from(t)).toString();
        }
        if (v instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
        if (v instanceof Double || v instanceof Float) return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        return v.toString();
    }
}
