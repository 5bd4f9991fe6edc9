package org.perfalert.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the known name closest to one typed, when it is close enough to be a slip. */
public final class Names {
    private Names() { }

    /** The known name nearest to typed (ignoring case), if at most about a third of its letters differ. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) { best = k; bestDistance = d; }
        }
        int allowed = Math.max(1, Math.min(typed.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean value?)" or "". */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** Edits (insert, delete, change, swap of neighbours) that turn a into b. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++)
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.length()][b.length()];
    }
}
