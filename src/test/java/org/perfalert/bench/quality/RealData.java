package org.perfalert.bench.quality;

import org.perfalert.alerts.AlertItem;
import org.perfalert.alerts.EmailPlan;
import org.perfalert.alerts.EmailPlanner;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.model.ExceptionKind;
import org.perfalert.model.Observation;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.SeriesKey;
import org.perfalert.rules.Evaluator;
import org.perfalert.rules.SeriesBuilder;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * The police.uk sample (24 street files, 2024-01 … 2025-12) read as the service reads them, then month by month in
 * 2025 through the rule pack and the alert stages' email plan (as the run and `recipients` plan it; an exception is
 * new when the same rule did not hold for the series the month before): section-5 exceptions, the notable ones, the
 * new signals, the emails per lead and the items in each.
 */
final class RealData {
    /** One month's figures; emails: lead's name → items in the email; held: items over the limit, all leads. */
    record Month(YearMonth month, int exceptions, int notable, int[] newSignals, List<String> signalled,
                 Map<String, Integer> emails, int held, int seriesEmailed) { }

    final List<Month> months = new ArrayList<>();
    /** The two acceptance series: "Cambridge drugs 2025-10: emailed to Head of Crime, item 1 (exceptional-high …)". */
    final List<String> checks = new ArrayList<>();

    RealData(Path repo, Configuration config, Evaluator engine, EmailPlanner planner) {
        List<Observation> observations = ObservationReader.readAll(List.of(repo.resolve("samples/policeuk/street")), config);
        SeriesBuilder history = engine.history(observations);
        List<PerformanceException> before = policeUk(engine.evaluate(history, YearMonth.of(2024, 12)));
        for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
            List<PerformanceException> found = policeUk(engine.evaluate(history, m));
            EmailPlan plan = planner.plan(m, EmailPlanner.asRaised(found, before));
            months.add(month(m, found, before, plan));
            check(m, plan, "policeuk.drugs", "Cambridge", YearMonth.of(2025, 10));
            check(m, plan, "policeuk.drugs", "Peterborough", YearMonth.of(2025, 9));
            before = found;
        }
    }

    private static List<PerformanceException> policeUk(List<PerformanceException> all) {
        return all.stream().filter(e -> e.metric().startsWith("policeuk.")).toList();
    }

    private static Month month(YearMonth m, List<PerformanceException> found, List<PerformanceException> before, EmailPlan plan) {
        Set<String> held = new HashSet<>();
        before.forEach(e -> held.add(e.rule() + "|" + e.seriesKey()));
        int exceptions = 0, notable = 0;
        int[] fresh = new int[6];
        List<String> signalled = new ArrayList<>();
        for (PerformanceException e : found) {
            if (e.kind() != ExceptionKind.SIGNAL) {
                exceptions++;
                if (e.notable()) notable++;
                continue;
            }
            int r = NoChange.signalBit(e.rule());
            if (r < 0 || held.contains(e.rule() + "|" + e.seriesKey())) continue;
            fresh[r]++;
            signalled.add(e.area() + " " + e.metric().substring("policeuk.".length()) + " " + e.rule());
        }
        Map<String, Integer> emails = new TreeMap<>();
        Set<SeriesKey> series = new HashSet<>();
        for (EmailPlan.LeadEmail e : plan.emails()) {
            emails.put(e.lead().name(), e.items().size());
            e.items().forEach(i -> i.withFolded().forEach(f -> series.add(f.exception().seriesKey())));
        }
        return new Month(m, exceptions, notable, fresh, signalled, emails, plan.heldForDigest(), series.size());
    }

    /** Whether the series is in an email of the month, and as what. */
    private void check(YearMonth m, EmailPlan plan, String metric, String area, YearMonth month) {
        if (!m.equals(month)) return;
        String name = area + " " + metric.substring("policeuk.".length()) + " " + month;
        List<String> where = new ArrayList<>();
        for (EmailPlan.LeadEmail e : plan.emails()) {
            int number = 0;
            for (AlertItem item : e.items()) {
                number++;
                for (AlertItem a : item.withFolded()) {
                    PerformanceException x = a.exception();
                    if (x.metric().equals(metric) && x.area().equals(area) && x.kind() == ExceptionKind.SIGNAL)
                        where.add(String.format(Locale.ROOT, "%s, item %d%s: %s (z %.2f%s)", e.lead().name(), number,
                                a == item ? "" : ", folded", x.rule(), ((Number) x.evidence().get("z")).doubleValue(),
                                x.evidence().get("p_adjusted") instanceof Number p ? String.format(Locale.ROOT, ", p_adjusted %.4f", p.doubleValue())
                                        : x.evidence().get("cusum") instanceof Number c ? String.format(Locale.ROOT, ", C⁺ %.2f", c.doubleValue()) : ""));
                }
            }
        }
        checks.add(name + ": " + (where.isEmpty() ? "not emailed" : "emailed to " + String.join("; ", where)));
    }
}
