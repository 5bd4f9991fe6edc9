package org.perfalert.cli;

import org.perfalert.alerts.AlertPipeline;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.notify.EmailItem;
import org.perfalert.notify.NotifyPolicy;
import org.perfalert.notify.RecipientsReport;
import org.perfalert.routing.Router;
import org.perfalert.store.Store;
import org.perfalert.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
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
        NotifyPolicy policy;
        try { policy = AlertPipeline.check(config); }
        catch (ConfigException e) { throw new UserError(e.getMessage()); }
        Router router = new Router(config.catalogue(), config.people());
        if (data != null) {
            RuleRun run = new RuleRun(common, data, spec.commandLine().getErr());
            YearMonth m = month != null ? parse(month) : run.latestMonth();
            List<EmailItem> items = RecipientsReport.withStatus(run.evaluator.evaluate(run.history, m),
                    run.evaluator.evaluate(run.history, m.minusMonths(1)));
            spec.commandLine().getOut().print(RecipientsReport.render(m, items, router, policy, List.of(), LocalDate.now()));
            return Main.OK;
        }
        try (Store db = Store.open(config.settings())) {
            AlertStore store = new AlertStore(db.dataSource());
            YearMonth m = month != null ? parse(month) : store.latestMonth().orElseThrow(() ->
                    new UserError("the store holds no exceptions yet (load data first, or give --month)"));
            List<EmailItem> items = store.forMonth(m).stream().filter(a -> a.status().holds())
                    .map(a -> new EmailItem(a.id(), a.status(), a.asException())).toList();
            spec.commandLine().getOut().print(RecipientsReport.render(m, items, router,
                    policy, new SilenceStore(db.dataSource()).all(), LocalDate.now()));
        }
        return Main.OK;
    }

    static YearMonth parse(String text) {
        try { return YearMonth.parse(text.trim()); }
        catch (DateTimeParseException e) { throw new UserError("--month \"" + text + "\" is not a month (use YYYY-MM, e.g. 2025-03)"); }
    }
}
