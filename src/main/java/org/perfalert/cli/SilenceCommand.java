package org.perfalert.cli;

import org.perfalert.alerts.Silence;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Add, list or remove silences: matching exceptions are stored but not emailed until the end date.",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Remove.class})
public class SilenceCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
        throw new UserError("say what to do: silence add, silence list or silence remove (see perfalert silence --help)");
    }

    static String describe(Silence s) {
        return String.format("%d  metric %s  area %s  rule %s  until %s  by %s: %s", s.id(), s.metricPattern(),
                s.areaPattern(), s.rulePattern(), s.endsOn(), s.createdBy(), s.reason());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Silence exceptions whose metric, area and rule match the patterns ('*' matches anything) until a date (inclusive).")
    static class Add implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--metric", defaultValue = "*", description = "metric id or pattern, e.g. policeuk.* (default: any)") String metric;
        @Option(names = "--area", defaultValue = "*", description = "area name or pattern (default: any)") String area;
        @Option(names = "--rule", defaultValue = "*", description = "rule id or pattern (default: any)") String rule;
        @Option(names = "--until", required = true, description = "last day of the silence, YYYY-MM-DD") String until;
        @Option(names = "--reason", required = true, description = "why (shown in the list and the digest)") String reason;
        @Option(names = "--by", required = true, description = "who is silencing") String by;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LocalDate end;
            try { end = LocalDate.parse(until.trim()); }
            catch (DateTimeParseException e) { throw new UserError("--until \"" + until + "\" is not a date (use YYYY-MM-DD, e.g. 2025-06-30)"); }
            if (end.isBefore(LocalDate.now())) throw new UserError("--until " + end + " is in the past (a silence ends on a day to come)");
            if (metric.equals("*") && area.equals("*") && rule.equals("*"))
                throw new UserError("a silence of everything is refused: give --metric, --area or --rule");
            if (reason.isBlank() || by.isBlank()) throw new UserError("--reason and --by must not be empty");
            Configuration config = ConfigLoader.load(common.config);
            try (Store db = FilledStore.open(config.settings())) {
                Silence s = new SilenceStore(db.dataSource()).add(metric.trim(), area.trim(), rule.trim(), end, reason.trim(),
                        by.trim(), java.time.Instant.now());
                spec.commandLine().getOut().println("silence added: " + describe(s));
            }
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the silences in force (with --all, the expired ones too).")
    static class ListSilences implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--all", description = "include expired silences") boolean all;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Store db = FilledStore.open(ConfigLoader.load(common.config).settings())) {
                SilenceStore store = new SilenceStore(db.dataSource());
                List<Silence> list = all ? store.all() : store.activeOn(LocalDate.now());
                PrintWriter out = spec.commandLine().getOut();
                if (list.isEmpty()) out.println(all ? "no silences" : "no silences in force");
                list.forEach(s -> out.println(describe(s)));
            }
            return Main.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a silence by its number (see silence list).")
    static class Remove implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(paramLabel = "NUMBER", description = "the silence's number") long id;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Store db = FilledStore.open(ConfigLoader.load(common.config).settings())) {
                if (!new SilenceStore(db.dataSource()).remove(id))
                    throw new UserError("there is no silence " + id + " (see perfalert silence list --all)");
                spec.commandLine().getOut().println("silence " + id + " removed");
            }
            return Main.OK;
        }
    }

}
