package org.perfalert.rules;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.perfalert.config.Catalogue;
import org.perfalert.config.Configuration;
import org.perfalert.model.Areas;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;

import java.time.YearMonth;
import java.util.*;
import java.util.function.Consumer;

/**
 * Evaluates the rules for a month: one fresh session per month, the Series facts of that month
 * inserted, the globals "settings", "alerts" and "areas" set. A rule that fails for one series is
 * reported through the problem sink (stderr by default) and the evaluation goes on.
 */
public final class Evaluator {
    private final RuleBase rules;
    private final Catalogue catalogue;
    private final Areas areas;
    private final Consumer<String> problems;

    /** Problems in rule actions go to stderr. */
    public Evaluator(RuleBase rules, Configuration config) {
        this(rules, config.catalogue(), config.areas());
    }

    public Evaluator(RuleBase rules, Catalogue catalogue, Areas areas) {
        this(rules, catalogue, areas, System.err::println);
    }

    public Evaluator(RuleBase rules, Catalogue catalogue, Areas areas, Consumer<String> problems) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.areas = areas;
        this.problems = problems;
    }

    /** The series history of a set of observations (build once, evaluate many months). */
    public SeriesBuilder history(Collection<Observation> observations) {
        return new SeriesBuilder(observations, catalogue, areas);
    }

    /** The exceptions at month over these observations, in contract order. */
    public List<PerformanceException> evaluate(Collection<Observation> observations, YearMonth month) {
        return evaluate(history(observations), month);
    }

    /** The exceptions at month, in contract order (CONTRACT.md 3). */
    public List<PerformanceException> evaluate(SeriesBuilder history, YearMonth month) {
        Alerts alerts = new Alerts(rules.settings());
        KieSession session = rules.kieBase().newKieSession();
        ReportingHandler.CURRENT.set(alerts);
        try {
            Set<String> declared = new HashSet<>();
            rules.kieBase().getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> declared.add(g.getName())));
            Map<String, Object> globals = Map.of("settings", rules.settings(), "alerts", alerts, "areas", areas);
            globals.forEach((name, value) -> { if (declared.contains(name)) session.setGlobal(name, value); });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    alerts.firing(event.getMatch().getRule().getName());
                }
            });
            for (Series s : history.seriesAt(month)) session.insert(s);
            session.fireAllRules();
        } catch (RuntimeException e) {
            problems.accept("evaluation of " + month + " stopped: " + e.getMessage());
        } finally {
            ReportingHandler.CURRENT.remove();
            session.dispose();
        }
        alerts.failures().forEach(problems);
        List<PerformanceException> out = new ArrayList<>(alerts.raised());
        out.sort(PerformanceException.ORDER);
        return out;
    }
}
