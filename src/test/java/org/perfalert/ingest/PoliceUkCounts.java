package org.perfalert.ingest;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** The published row counts of the 24 sample street files (data README), 2024-01 .. 2025-12. */
final class PoliceUkCounts {
    private PoliceUkCounts() { }

    static final long[] ROWS = {6116, 6499, 6993, 6913, 7580, 7290, 7866, 7613, 6740, 6970, 6398, 6043,
            6267, 6152, 7245, 7096, 7609, 7811, 8040, 7555, 7031, 6938, 6801, 6396};

    static Map<YearMonth, Long> rowsByMonth() {
        Map<YearMonth, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < ROWS.length; i++) m.put(YearMonth.of(2024, 1).plusMonths(i), ROWS[i]);
        return m;
    }
}
