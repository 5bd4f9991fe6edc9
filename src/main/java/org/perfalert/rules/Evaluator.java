package org.perfalert.rules;

import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;
import org.perfalert.config.Catalogue;
import org.perfalert.config.Configuration;
import org.perfalert.model.Areas;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;

import java.time.YearMonth;
import java.util.*;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Evaluates the rules for a month: fresh sessions (one, or several side by side when the setting
 * session.max-series asks for it), the Series facts of that month inserted, the globals set:
 * "alerts", "areas", "settings" and one per setting a rule file declares (RuleSettings.globalName).
 * A rule that fails for one series is reported through the problem sink (stderr by default) and the
 * evaluation goes on.
 */
public final class Evaluator {
    private final RuleBase rules;
    private final Catalogue catalogue;
    private final Areas areas;
    private final Consumer<String> problems;
    private final Set<String> declaredGlobals = new HashSet<>();
    private final Map<String, Object> settingGlobals = new HashMap<>(); // bound once: the same for every session

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
        for (KiePackage p : rules.kieBase().getKiePackages())
            for (Global g : p.getGlobalVariables()) {
                declaredGlobals.add(g.getName());
                if (!BUILT_IN_GLOBALS.contains(g.getName()))
                    rules.settings().settingOfGlobal(g.getName()).ifPresent(setting -> settingGlobals.put(g.getName(), valueOf(g, setting)));
            }
    }

    /** A setting as its global's declared type: Integer for whole numbers, otherwise Double (rules check allows no other). */
    private Object valueOf(Global g, String setting) {
        return g.getType().equals(Integer.class.getName()) ? (Object) rules.settings().whole(setting) : (Object) rules.settings().number(setting);
    }

    /** The globals perfalert sets besides the settings: what the rules report to, the areas, the settings by name. */
    public static final Set<String> BUILT_IN_GLOBALS = Set.of("alerts", "areas", "settings");

    /** The series history of a set of observations (build once, evaluate many months). */
    public SeriesBuilder history(Collection<Observation> observations) {
        return new SeriesBuilder(observations, catalogue, areas);
    }

    /** The exceptions at month over these observations, in contract order. */
    public List<PerformanceException> evaluate(Collection<Observation> observations, YearMonth month) {
        return evaluate(history(observations), month);
    }

    /** The setting that lets one month be evaluated in several sessions (0 or absent: one session). */
    public static final String SESSION_MAX_SERIES = "session.max-series";

    /**
     * The exceptions at month, in contract order (CONTRACT.md 3). With the setting session.max-series
     * the month's series are split into sessions of about that many series, each holding whole
     * metrics (so only rules that compare different metrics need one session), evaluated side by
     * side on the machine's cores: a session's memory is released when it ends.
     */
    public List<PerformanceException> evaluate(SeriesBuilder history, YearMonth month) {
        return evaluate(history, month, Guard.none());
    }

    /** The same under a guard: over its budget, or stopped by a watchdog, the evaluation ends in {@link RuleStopped}. */
    public List<PerformanceException> evaluate(SeriesBuilder history, YearMonth month, Guard guard) {
        List<Series> all = history.seriesAt(month, rules.settings().forSeries());
        guard.sizeFor(all.size());
        List<List<Series>> parts = partitions(all);
        List<Alerts> results = new ArrayList<>();
        if (parts.size() == 1) results.add(evaluate(parts.get(0), month, guard));
        else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts.size(), Runtime.getRuntime().availableProcessors()));
            try {
                List<Future<Alerts>> running = new ArrayList<>();
                for (List<Series> part : parts) running.add(pool.submit(() -> evaluate(part, month, guard)));
                for (Future<Alerts> f : running) results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation of " + month + " interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuleStopped stopped) throw stopped;
                throw new IllegalStateException("evaluation of " + month + " failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<PerformanceException> out = new ArrayList<>();
        for (Alerts alerts : results) {
            alerts.failures().forEach(problems);
            out.addAll(alerts.raised());
        }
        ContractOrder.sort(out);
        return out;
    }

    /** The series in groups of whole metrics of about session.max-series each (one group when unset). */
    private List<List<Series>> partitions(List<Series> all) {
        RuleSettings settings = rules.settings();
        int max = settings.has(SESSION_MAX_SERIES) ? settings.whole(SESSION_MAX_SERIES) : 0;
        if (max <= 0 || all.size() <= max) return List.of(all);
        Map<String, List<Series>> byMetric = new LinkedHashMap<>();
        for (Series s : all) byMetric.computeIfAbsent(s.getMetricId(), k -> new ArrayList<>()).add(s);
        List<List<Series>> parts = new ArrayList<>();
        List<Series> current = new ArrayList<>();
        for (List<Series> metric : byMetric.values()) {
            if (!current.isEmpty() && current.size() + metric.size() > max) { parts.add(current); current = new ArrayList<>(); }
            current.addAll(metric);
        }
        if (!current.isEmpty()) parts.add(current);
        return parts;
    }

    /** One session over some of the month's series. */
    private Alerts evaluate(List<Series> facts, YearMonth month, Guard guard) {
        Alerts alerts = new Alerts(rules.settings());
        KieSession session = rules.kieBase().newKieSession();
        guard.opened(session);
        Raising.begin(alerts);
        try {
            Map<String, Object> globals = new HashMap<>(settingGlobals);
            globals.putAll(Map.of("settings", rules.settings(), "alerts", alerts, "areas", areas));
            globals.forEach((name, value) -> { if (declaredGlobals.contains(name)) session.setGlobal(name, value); });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    alerts.firing(event.getMatch().getRule().getName());
                    guard.firing(event.getMatch().getRule().getName());
                }

                @Override
                public void matchCreated(MatchCreatedEvent event) { guard.matchCreated(event.getMatch().getRule().getName()); }
            });
            for (Series s : facts) session.insert(s);
            session.fireAllRules();
        } catch (RuleStopped e) {
            throw e;
        } catch (RuntimeException e) {
            alerts.failures().add(0, "evaluation of " + month + " stopped: " + e.getMessage());
        } finally {
            Raising.end();
            guard.closed(session);
            session.dispose();
        }
        guard.check();
        return alerts;
    }
}
