package org.perfalert.bench;

import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.model.Metric;
import org.perfalert.model.Unit;
import org.perfalert.service.Assembly;
import org.perfalert.service.Service;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.util.*;
import java.util.stream.Stream;

/**
 * Issue 18, failure 7: a backfill file (every count metric of the shipped catalogue, every district, 1900-01 to last
 * month: about 16 MB) dropped into the running service, and a small file right behind it. Prints how long each took to
 * be loaded, how long until every owed month was evaluated, and how many emails were queued (months older than
 * notify.max-age-months are emailed to no one). Run with
 * {@code mvn -B -o -Pbench test-compile exec:exec -Dbench.main=org.perfalert.bench.BackfillBenchmark -Dbench.heap=1g}.
 */
public final class BackfillBenchmark {
    private BackfillBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", ".")).toAbsolutePath();
        Path root = Files.createTempDirectory("perfalert-backfill");
        Configuration config = ConfigLoader.load(repo.resolve("config"));
        YearMonth last = YearMonth.now().minusMonths(1);
        Path big = root.resolve("backfill.csv");
        long rows = write(big, config, YearMonth.of(1900, 1), last);
        System.out.printf("backfill file: %,d bytes, %,d rows, 1900-01 to %s; load average %s%n", Files.size(big), rows, last, Report.load());

        Properties p = new Properties();
        p.setProperty("store.url", "jdbc:h2:file:" + root.resolve("db/perfalert"));
        p.setProperty("mail.mode", "file");
        p.setProperty("mail.file.dir", root.resolve("mail").toString());
        p.setProperty("inbox.dir", root.resolve("inbox").toString());
        p.setProperty("service.state.dir", root.resolve("state").toString());
        p.setProperty("pull.dir", root.resolve("pull").toString());
        p.setProperty("http.port", "0");
        p.setProperty("inbox.poll.ms", "200");
        p.setProperty("evaluate.period.ms", "200");
        p.setProperty("outbox.period.ms", "2000");
        Settings settings = new Settings(p, Map.of());
        try (Assembly parts = Assembly.open(settings, repo.resolve("config"), repo.resolve("rules"), Clock.systemUTC());
             Service service = Service.start(parts, Service.Options.from(settings, repo.resolve("routes")))) {
            Path inbox = root.resolve("inbox");
            long start = System.nanoTime();
            Files.move(big, inbox.resolve("0000-backfill.csv"), StandardCopyOption.ATOMIC_MOVE);
            Path small = root.resolve(last + "-small.csv");
            Files.writeString(small, "month,metric,area_type,area,value\n" + last + ",abandonment_101_secondary,force,Cambridgeshire,35\n");
            Files.move(small, inbox.resolve(small.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            long bigLoaded = awaitFile(inbox.resolve("processed/0000-backfill.csv"), start);
            long smallLoaded = awaitFile(inbox.resolve("processed").resolve(small.getFileName()), start);
            System.out.printf("backfill loaded after %.1f s; the small file behind it loaded after %.1f s%n", bigLoaded / 1e3, smallLoaded / 1e3);
            int owedAtStart = parts.pipeline().owed().size();
            while (!parts.pipeline().owed().isEmpty()) Thread.sleep(250);
            long evaluated = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%,d months owed, all evaluated after %.1f s; emails queued: %d (%s)%n", owedAtStart, evaluated / 1e3,
                    parts.outboxCounts().values().stream().mapToInt(Integer::intValue).sum(), parts.outboxCounts());
        }
        System.out.printf("load average at the end %s%n", Report.load());
    }

    private static long awaitFile(Path file, long start) throws InterruptedException {
        while (!Files.exists(file)) Thread.sleep(50);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Every count metric at every district, every month from..to, values around a level of its own (seeded). */
    static long write(Path file, Configuration config, YearMonth from, YearMonth to) throws Exception {
        Random random = new Random(18);
        List<String> districts = config.areas().districts();
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("month,metric,area_type,area,value\n");
            List<Metric> counts = config.catalogue().all().stream().filter(m -> m.unit() == Unit.COUNT).toList();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1))
                for (Metric metric : counts)
                    for (String d : districts) {
                        int level = 20 + Math.floorMod((metric.id() + d).hashCode(), 200);
                        w.write(m + "," + metric.id() + ",district," + d + "," + (level + random.nextInt(21) - 10) + "\n");
                        rows++;
                    }
        }
        return rows;
    }
}
