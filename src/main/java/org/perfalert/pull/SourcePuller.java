package org.perfalert.pull;

import org.perfalert.ingest.FileResult;
import org.perfalert.ingest.InboxFiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pulls one source: fetches its payload into staging files (HTTP bodies as received, SQL rows as tidy CSV)
 * and hands each to the same loader ({@code FileLoader}) as a dropped file, so checking, all-or-nothing, revisions and
 * touched months are the same. A source that fails (down, time-out, refused payload) is logged with its name,
 * counted, and after the threshold of failures in a row the analysts get one email.
 * A store failure is not the source's fault: it is thrown, for the caller's retry.
 */
public final class SourcePuller {
    private static final Logger LOG = LoggerFactory.getLogger("perfalert.pull");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(java.time.ZoneOffset.UTC);

    private final PayloadLoader loader;
    private final Map<Source.Kind, Fetcher> fetchers;
    private final Path stagingRoot;
    private final PullHealth health;
    private final FailureNotice notice;
    private final Clock clock;

    /**
     * @param stagingRoot where payloads are written before loading, one folder per source (the last payload stays there)
     * @param env         where passwords and header values named by environment variable are read
     */
    public SourcePuller(PayloadLoader loader, Map<String, String> env, Path stagingRoot, PullHealth health, FailureNotice notice, Clock clock) {
        this.loader = loader;
        this.fetchers = Map.of(Source.Kind.SQL, new SqlFetcher(env), Source.Kind.HTTP, new HttpFetcher(env),
                Source.Kind.FOLDER, new FolderFetcher());
        this.stagingRoot = stagingRoot;
        this.health = health;
        this.notice = notice;
        this.clock = clock;
    }

    public PullHealth health() { return health; }

    /** A scheduled pull: the source's recent complete months. */
    public PullResult pull(Source source) {
        return pull(source, PullWindow.recent(source.months(), clock));
    }

    /** Pulls the months given now, loads what came and records how the source did. */
    public PullResult pull(Source source, PullWindow window) {
        Instant started = clock.instant();
        String runId = "pull-" + source.name() + "-" + RUN.format(started);
        List<FileResult> loads = new ArrayList<>();
        String failure = null;
        try {
            List<Path> files = fetchers.get(source.kind()).fetch(source, window, staging(source));
            for (Path f : files) {
                FileResult r = loader.load(f);
                loads.add(r);
                if (source.kind() == Source.Kind.FOLDER) fileAway(source, r);
            }
            List<FileResult> refused = loads.stream().filter(r -> !r.loaded()).toList();
            if (!refused.isEmpty()) failure = refusedSummary(refused);
        } catch (PullFailure e) {
            failure = e.getMessage();
        }
        PullResult result = new PullResult(source, window, runId, List.copyOf(loads), failure);
        String months = source.kind() == Source.Kind.FOLDER ? "-" : window.toString(); // a folder gives what is in it
        if (result.ok())
            LOG.info("source pulled source={} kind={} months={} files={} touched={} run={}", source.name(), source.kind().id(),
                    months, loads.size(), result.touchedMonths(), runId);
        else LOG.warn("source failed source={} kind={} months={} run={} error=\"{}\"", source.name(), source.kind().id(),
                months, runId, failure);
        if (health.record(source.name(), result.ok(), failure, started)) {
            int queued = notice.queue(source, health.state(source.name()), runId, started);
            LOG.warn("source failing source={} failures={} analysts_emailed={}", source.name(),
                    health.state(source.name()).failures(), queued);
        }
        return result;
    }

    /** The source's staging folder, emptied of the last pull's payload. */
    private Path staging(Source source) throws PullFailure {
        Path dir = stagingRoot.resolve(source.name());
        try {
            if (Files.isDirectory(dir))
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) if (Files.isRegularFile(p)) Files.delete(p);
                }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PullFailure("cannot prepare the staging folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void fileAway(Source source, FileResult r) throws PullFailure {
        try {
            new InboxFiler(source.folder().dir()).file(r);
        } catch (IOException e) {
            throw new PullFailure("cannot move " + r.file() + " to processed/ or rejected/: " + e.getMessage(), e);
        }
    }

    private static String refusedSummary(List<FileResult> refused) {
        FileResult first = refused.get(0);
        List<String> problems = first.problems();
        String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
        return "the payload was refused, nothing of it was stored (" + refused.size() + (refused.size() == 1 ? " file" : " files")
                + "): " + shown + (problems.size() > 3 ? "; … " + (problems.size() - 3) + " more problems" : "");
    }
}
