package org.perfalert.pull;

import org.perfalert.ingest.InputKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder source: the files of a known kind at the top of the folder (not in processed/ or rejected/,
 * not hidden), in loading order. A missing folder is made, as the inbox is. They are loaded where they lie and then filed away, as in the inbox.
 */
public final class FolderFetcher implements Fetcher {
    private static final Comparator<Path> ORDER = Comparator
            .comparing((Path p) -> InputKind.of(p).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(p -> p.getFileName().toString());

    @Override
    public List<Path> fetch(Source source, PullWindow window, Path staging) throws PullFailure {
        Path dir = source.folder().dir();
        try {
            Files.createDirectories(dir); // as the inbox is: made when missing, so it is there to drop files in
        } catch (IOException e) {
            throw new PullFailure("the folder " + dir.toAbsolutePath() + " cannot be made: " + e.getMessage() + " (fix \"dir\")", e);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> InputKind.of(f).isPresent())
                    .sorted(ORDER).toList();
        } catch (IOException e) {
            throw new PullFailure("the folder " + dir.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
