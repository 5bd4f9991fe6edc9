package org.perfalert.pull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The named parameters of a source's query ({@code :from}, {@code :to}) turned into JDBC {@code ?} markers,
 * so the months are bound by the driver and never spliced into the SQL. Text in quotes and PostgreSQL casts
 * ({@code ::date}) are left alone.
 */
public final class SqlParameters {
    private SqlParameters() { }

    /** The query with ? markers, and the parameter name for each marker in order. */
    public record Jdbc(String sql, List<String> order) { }

    public static Jdbc toJdbc(String query) {
        StringBuilder out = new StringBuilder();
        List<String> order = new ArrayList<>();
        scan(query, out, order);
        return new Jdbc(out.toString(), List.copyOf(order));
    }

    /** The distinct parameter names, in order of first use. */
    public static Set<String> names(String query) {
        return new LinkedHashSet<>(toJdbc(query).order());
    }

    /** The query with quoted text blanked (for checks that must not look inside literals). */
    static String withoutQuoted(String query) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (char c : query.toCharArray()) {
            if (quote != 0) { if (c == quote) quote = 0; out.append(' '); }
            else if (c == '\'' || c == '"') { quote = c; out.append(' '); }
            else out.append(c);
        }
        return out.toString();
    }

    private static void scan(String q, StringBuilder out, List<String> order) {
        char quote = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == ':' && i + 1 < q.length() && q.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < q.length() && Character.isLetter(q.charAt(i + 1))) {
                int j = i + 1;
                while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) j++;
                order.add(q.substring(i + 1, j));
                out.append('?');
                i = j - 1;
            } else out.append(c);
        }
    }
}
