package org.perfalert.ingest;

import org.perfalert.config.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.*;
import java.util.function.Consumer;

/**
 * Parses files on the machine's cores while handing the results on strictly in the given order, so
 * "the later file wins" still holds. At most a few files are parsed ahead, to bound memory.
 */
final class OrderedParsing {
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int AHEAD = THREADS + 1;

    private OrderedParsing() { }

    static void parse(List<Path> files, Configuration cfg, Clock clock, Consumer<ParsedFile> next) {
        if (files.size() < 2 || THREADS == 1) {
            files.forEach(f -> next.accept(FileParser.parse(f, cfg, clock)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "perfalert-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ParsedFile>> pending = new ArrayDeque<>();
            int submitted = 0;
            while (submitted < files.size() || !pending.isEmpty()) {
                while (submitted < files.size() && pending.size() < AHEAD) {
                    Path f = files.get(submitted++);
                    pending.add(pool.submit(() -> FileParser.parse(f, cfg, clock)));
                }
                next.accept(take(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParsedFile take(Future<ParsedFile> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading input files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
