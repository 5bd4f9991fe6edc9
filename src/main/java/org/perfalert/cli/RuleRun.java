package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.config.Settings;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.ingest.RejectedInputException;
import org.perfalert.model.PerformanceException;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCache;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.SeriesBuilder;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * What evaluate and backtest share: metrics.yaml and areas.yaml, the rule folder compiled, the data
 * files read into the history once. Never touches the store. Every mistake becomes a UserError
 * saying what and where: the configuration's first, then the rules', then the data's.
 * <p>
 * The rules are compiled on a thread of their own while the configuration and the data are read (a
 * compile takes about a second, most of a small run), and the data go into the history file by
 * file rather than being held as a list of observations first.
 */
final class RuleRun {
    final Evaluator evaluator;
    final SeriesBuilder history;
    final Configuration config;
    final RuleBase rules;
    private final PrintWriter err;

    RuleRun(Common common, List<Path> data, PrintWriter err) throws ConfigException {
        CompletableFuture<RuleBase> compiling = compileAside(common.rules);
        Configuration config = ConfigLoader.loadForRules(common.config);
        SeriesBuilder read = null;
        RejectedInputException badData = null;
        try {
            read = new SeriesBuilder(each -> ObservationReader.readEach(data, config, each), config.catalogue(), config.areas());
        } catch (RejectedInputException e) {
            badData = e;
        }
        RuleBase rules = compiled(common.rules, compiling);
        if (badData != null) throw new UserError("the data cannot be read:\n" + String.join("\n", badData.problems()));
        this.config = config;
        this.rules = rules;
        this.err = err;
        evaluator = evaluatorOf(rules);
        history = read;
    }

    /** An evaluator of another compiled pack over the same configuration (backtest --compare). */
    Evaluator evaluatorOf(RuleBase pack) {
        return new Evaluator(pack, config.catalogue(), config.areas(), problem -> { err.println("warning: " + problem); err.flush(); });
    }

    /** The exceptions at a month that pass the filters. */
    List<PerformanceException> evaluate(Evaluator by, YearMonth month, Predicate<PerformanceException> keep) {
        List<PerformanceException> found = by.evaluate(history, month);
        return keep == null ? found : found.stream().filter(keep).toList();
    }

    private static CompletableFuture<RuleBase> compileAside(Path rules) {
        CompletableFuture<RuleBase> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try { f.complete(compiled(rules)); } catch (Throwable e) { f.completeExceptionally(e); }
        }, "perfalert-compile-rules");
        t.setDaemon(true); // a configuration error ends the command without waiting for it
        t.start();
        return f;
    }

    /** The rule folder compiled, or taken from the compiled-rules cache when it has not changed (rules.cache.dir). */
    static RuleBase compiled(Path rules) throws RuleProblems {
        Optional<RuleCache> cache = RuleCache.of(Settings.defaultsOnly().get("rules.cache.dir"), System.getenv());
        return cache.isPresent() ? cache.get().compiled(rules) : RuleCompiler.compile(rules);
    }

    private static RuleBase compiled(Path dir, CompletableFuture<RuleBase> compiling) {
        try {
            return compiling.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuleProblems p)
                throw new UserError("the rules in " + dir + " do not compile (run \"perfalert rules check\"):\n" + String.join("\n", p.problems()));
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    YearMonth latestMonth() {
        return history.latestMonth().orElseThrow(() -> new UserError("the data holds no figures for the configured metrics and areas"));
    }
}
