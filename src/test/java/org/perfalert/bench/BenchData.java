package org.perfalert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * The data sets of the whole-process benchmark, written once into a folder and reused (a file
 * "ready" marks a finished one): the synthetic force (one tidy CSV of its districts, 288,000 rows,
 * and one month of it), England and Wales (one tidy CSV per month, 100,050 rows each), and a tiny file.
 */
final class BenchData {
    /** A data set: its configuration folder, the files to read, and one month's file to load. */
    record Set(String name, Path config, List<Path> data, Path monthFile, YearMonth last) { }

    private final Path root;

    BenchData(Path root) { this.root = root; }

    /** The synthetic force: 1,000 count and rate metrics, 9 places, 48 months; districts only. */
    Set force() throws IOException {
        SyntheticData data = new SyntheticData(SyntheticData.syntheticForce());
        Path dir = root.resolve("synthetic-force");
        if (!ready(dir)) {
            data.writeConfig(dir.resolve("config"));
            data.writeDistrictFile(dir.resolve("force.csv"));
            data.writeDistrictMonthFile(dir.resolve("force-month.csv"), data.scale().months() - 1);
            done(dir);
        }
        return new Set("synthetic force", dir.resolve("config"), List.of(dir.resolve("force.csv")), dir.resolve("force-month.csv"), data.lastMonth());
    }

    /** England and Wales: 43 forces as areas, 301 districts, 290 metrics = 100,050 series, 36 monthly files. */
    Set national() throws IOException {
        SyntheticData data = new SyntheticData(SyntheticData.national(NationalBenchmark.MONTHS));
        Path dir = root.resolve("national");
        if (!ready(dir)) {
            data.writeConfig(dir.resolve("config"));
            data.writeMonthFiles(dir.resolve("months"));
            done(dir);
        }
        Path months = dir.resolve("months");
        return new Set("national", dir.resolve("config"), List.of(months), months.resolve("month-" + data.lastMonth() + ".csv"), data.lastMonth());
    }

    /** A tiny file: one month of a small force (about 100 rows). */
    Set tiny() throws IOException {
        SyntheticData data = new SyntheticData(SyntheticData.small(3));
        Path dir = root.resolve("tiny");
        if (!ready(dir)) {
            data.writeConfig(dir.resolve("config"));
            data.writeMonthCsv(dir.resolve("tiny.csv"), data.scale().months() - 1);
            done(dir);
        }
        return new Set("tiny", dir.resolve("config"), List.of(dir.resolve("tiny.csv")), dir.resolve("tiny.csv"), data.lastMonth());
    }

    /** The data.police.uk street files of samples/policeuk (Cambridgeshire, 2024-01 to 2025-12) with config/. */
    static Set policeUk(Path repo) {
        Path street = repo.resolve("samples/policeuk/street");
        return new Set("samples/policeuk", repo.resolve("config"), List.of(street),
                street.resolve("2025-12-cambridgeshire-street.csv.gz"), YearMonth.of(2025, 12));
    }

    private static boolean ready(Path dir) { return Files.exists(dir.resolve("ready")); }

    private static void done(Path dir) throws IOException { Files.writeString(dir.resolve("ready"), "written by the benchmark\n"); }
}
