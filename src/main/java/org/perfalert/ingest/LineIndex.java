package org.perfalert.ingest;

import java.util.Arrays;

/** Turns a character position in a text into its line number (1-based), for error messages. */
final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
        int[] s = new int[64];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    int lineOf(long charPosition) {
        int i = Arrays.binarySearch(starts, (int) charPosition);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
