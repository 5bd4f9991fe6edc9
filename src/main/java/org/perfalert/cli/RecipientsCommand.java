package org.perfalert.cli;

import org.perfalert.alerts.AlertItem;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.Delivery;
import org.perfalert.alerts.EmailPlan;
import org.perfalert.alerts.EmailPlanner;
import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.model.PerformanceException;
import org.perfalert.notify.HeaderSafety;
import org.perfalert.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.concurrent.Callable;

@Command(name = "recipients", mixinStandardHelpOptions = true,
        description = {"Dry run of routing: who would receive which of a month's exceptions, by email now or in the digest. Sends nothing.",
                "Reads the exceptions stored for the month, or with --data evaluates the files given (and the month before, for new vs continuing)."})
public class RecipientsCommand implements Callable<Integer> {
    @Mixin Common common;
    @Option(names = "--month", description = "YYYY-MM (default: the latest month in the store or the data)") String month;
    @Option(names = "--data", arity = "1..*", paramLabel = "PATH",
            description = "evaluate these files or folders instead of reading the store (nothing is stored; silences are not applied)")
    List<Path> data;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Configuration config = ConfigLoader.load(common.config);
        EmailPlanner planner;
        try { planner = EmailPlanner.of(config); }
        catch (ConfigException e) { throw new UserError(e.getMessage()); }
        EmailPlan plan;
        if (data != null) {
            RuleRun run = new RuleRun(common, data, spec.commandLine().getErr());
            YearMonth m = month != null ? parse(month) : run.latestMonth();
            List<AlertItem> items = EmailPlanner.asRaised(run.evaluator.evaluate(run.history, m),
                    run.evaluator.evaluate(run.history, m.minusMonths(1)));
            plan = planner.plan(m, items);
        } else {
            try (Store db = FilledStore.open(config.settings())) {
                YearMonth m = month != null ? parse(month) : new AlertStore(db.dataSource()).latestMonth().orElseThrow(() ->
                        new UserError("the store holds no exceptions yet (load data first, or give --month)"));
                plan = planner.planStored(db.dataSource(), m, LocalDate.now());
            }
        }
        spec.commandLine().getOut().print(describe(plan));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** Per person, every item they would receive and whether by email now; who gets nothing; the emails now. */
    static String describe(EmailPlan plan) {
        Map<String, List<String>> lines = new TreeMap<>();
        for (EmailPlan.Routed r : plan.routed())
            lines.computeIfAbsent(who(r.person()), k -> new ArrayList<>()).add("  " + line(r.item(), r.delivery()) + "  (" + r.reason() + ")");
        StringBuilder out = new StringBuilder("Who receives what for " + plan.month() + " (" + plan.exceptions() + " exceptions):\n");
        lines.forEach((who, ls) -> {
            out.append('\n').append(who).append('\n');
            ls.forEach(l -> out.append(l).append('\n'));
        });
        if (!plan.nobody().isEmpty()) {
            out.append("\nnobody (no owner, no route and no default route):\n");
            plan.nobody().forEach(d -> out.append("  ").append(line(d.item(), d.delivery())).append('\n'));
        }
        out.append("\nEmails now: ").append(plan.emails().size());
        plan.emails().stream().sorted(Comparator.comparing(e -> who(e.lead()))).forEach(e -> out.append("\n  ").append(who(e.lead()))
                .append(": ").append(e.items().size()).append(" item(s)")
                .append(e.heldBack() > 0 ? " (" + e.heldBack() + " more held for the digest)" : "")
                .append(items(e)));
        return out.append('\n').toString();
    }

    /** The email's items as numbered in it, each with what is folded into it. */
    private static String items(EmailPlan.LeadEmail e) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (AlertItem i : org.perfalert.alerts.EmailRenderer.inEmailOrder(e.items())) {
            out.append("\n    ").append(++n).append(". ").append(HeaderSafety.oneLine(i.exception().headline(), 160));
            if (!i.also().isEmpty()) out.append("\n       ").append(HeaderSafety.oneLine(i.alsoText(), 300));
        }
        return out.toString();
    }

    private static String line(AlertItem i, Delivery d) {
        PerformanceException e = i.exception();
        return String.format("%-7s %-6s %-11s %-10s %s / %s / %s: %s", d == Delivery.EMAIL_NOW ? "EMAIL" : "digest",
                e.severity().id(), e.direction().id(), i.status().id(), e.metric(), e.area(), e.rule(),
                HeaderSafety.oneLine(e.headline(), 160)) + (i.silenced() ? " [silenced by " + i.silencedBy() + "]" : "");
    }

    private static String who(org.perfalert.config.Person p) { return p.name() + " <" + p.email() + ">"; }

    static YearMonth parse(String text) {
        try { return YearMonth.parse(text.trim()); }
        catch (DateTimeParseException e) { throw new UserError("--month \"" + text + "\" is not a month (use YYYY-MM, e.g. 2025-03)"); }
    }
}
