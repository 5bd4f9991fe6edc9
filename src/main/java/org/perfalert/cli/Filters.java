package org.perfalert.cli;

import org.perfalert.config.Catalogue;
import org.perfalert.config.Names;
import org.perfalert.model.Areas;
import org.perfalert.model.PerformanceException;
import picocli.CommandLine.Option;

import java.util.*;
import java.util.function.Predicate;

/**
 * --rule, --metric and --area on evaluate and backtest: keep only the exceptions of those rules, metrics
 * and areas (each option repeatable or comma-separated; several values of one option are "any of",
 * different options "all of", like SQL's WHERE rule IN (…) AND area IN (…)). A name the rule pack or
 * the configuration does not have is an error with the nearest name, not an empty output.
 */
public class Filters {
    @Option(names = "--rule", split = ",", paramLabel = "RULE", description = "only these rules (repeat or comma-separate)")
    List<String> rules = new ArrayList<>();

    @Option(names = "--metric", split = ",", paramLabel = "ID", description = "only these metric ids (repeat or comma-separate)")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--area", split = ",", paramLabel = "NAME",
            description = "only these areas: the force, a policing area or a district (repeat or comma-separate)")
    List<String> areas = new ArrayList<>();

    boolean any() { return !rules.isEmpty() || !metrics.isEmpty() || !areas.isEmpty(); }

    /** The filter, after checking every name given against the rule ids, the catalogue and the areas. */
    Predicate<PerformanceException> check(Collection<String> ruleIds, Catalogue catalogue, Areas configured) {
        List<String> areaNames = configured.all().stream().map(a -> a.name()).toList();
        Set<String> r = known("rule", rules, ruleIds, "rules in the pack");
        Set<String> m = known("metric", metrics, catalogue.all().stream().map(x -> x.id()).toList(), "metrics in metrics.yaml");
        Set<String> a = known("area", areas, areaNames, "areas in areas.yaml");
        return e -> (r.isEmpty() || r.contains(e.rule())) && (m.isEmpty() || m.contains(e.metric()))
                && (a.isEmpty() || a.contains(e.area()));
    }

    /** The names given, each as the configuration spells it (areas and rules match without regard to case). */
    private static Set<String> known(String what, List<String> given, Collection<String> names, String where) {
        Set<String> out = new HashSet<>();
        for (String g : given) {
            String name = g.trim();
            Optional<String> exact = names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
            if (exact.isEmpty())
                throw new UserError("--" + what + " \"" + name + "\" is not one of the " + where + Names.didYouMean(name, names));
            out.add(exact.get());
        }
        return out;
    }
}
