package org.perfalert.pipeline;

import org.perfalert.alerts.AlertStages;
import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.FileLoader;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.RuleBase;
import org.perfalert.store.Store;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What one version of rules/ and config/ gives a run: the loader, the rule base and its evaluator, and the alert
 * stages. The service builds a new one when rules/ or config/ change and swaps it in whole; a command builds one.
 * A load-only version (load --no-evaluate) has no rules, evaluator or alert stages.
 */
public record RunParts(Configuration config, RuleBase rules, FileLoader loader, Evaluator evaluator, AlertStages alerts) {

    /**
     * The parts of a sound version; ruleProblems hears of a rule that fails for one series while evaluating.
     * Throws ConfigException when the configuration cannot route or send the alerts.
     */
    public static RunParts of(Configuration config, RuleBase rules, Store store, Clock clock, Consumer<String> ruleProblems)
            throws ConfigException {
        AlertStages alerts = new AlertStages(store.dataSource(), config, clock);
        return new RunParts(config, rules, new FileLoader(config, store.observations(), clock),
                new Evaluator(rules, config.catalogue(), config.areas(), ruleProblems), alerts);
    }

    /** Loading only: the files are stored, nothing is evaluated. */
    public static RunParts loadOnly(Configuration config, Store store, Clock clock) {
        return new RunParts(config, null, new FileLoader(config, store.observations(), clock), null, null);
    }

    public boolean evaluates() { return evaluator != null; }
}
