package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.ingest.RejectedInputException;
import org.perfalert.model.Observation;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.rules.RuleCompiler;
import org.perfalert.rules.RuleProblems;
import org.perfalert.rules.SeriesBuilder;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * What evaluate and backtest share: metrics.yaml and areas.yaml, the rule folder compiled, the data
 * files read. Never touches the store. Every mistake becomes a UserError saying what and where.
 */
final class RuleRun {
    final Evaluator evaluator;
    final SeriesBuilder history;

    RuleRun(Common common, List<Path> data, PrintWriter err) throws ConfigException {
        Configuration config = ConfigLoader.loadForRules(common.config);
        RuleBase rules;
        try {
            rules = RuleCompiler.compile(common.rules);
        } catch (RuleProblems e) {
            throw new UserError("the rules in " + common.rules + " do not compile (run \"perfalert rules check\"):\n"
                    + String.join("\n", e.problems()));
        }
        List<Observation> observations;
        try {
            observations = ObservationReader.readAll(data, config);
        } catch (RejectedInputException e) {
            throw new UserError("the data cannot be read:\n" + String.join("\n", e.problems()));
        }
        evaluator = new Evaluator(rules, config.catalogue(), config.areas(), problem -> { err.println("warning: " + problem); err.flush(); });
        history = evaluator.history(observations);
    }

    YearMonth latestMonth() {
        return history.latestMonth().orElseThrow(() -> new UserError("the data holds no figures for the configured metrics and areas"));
    }

    enum Format { json, text, csv }
}
