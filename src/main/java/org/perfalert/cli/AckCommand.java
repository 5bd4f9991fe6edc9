package org.perfalert.cli;

import org.perfalert.alerts.Acknowledging;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.store.Store;
import org.perfalert.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge an exception (shown in the digest). ALERT is the number in the email (\"alert 12\") or the fingerprint.")
public class AckCommand implements Callable<Integer> {
    @Mixin Common common;
    @Parameters(paramLabel = "ALERT", description = "the alert's number or fingerprint (rule|metric|area type|area|month)") String alert;
    @Option(names = "--by", required = true, description = "who acknowledges") String by;
    @Option(names = "--comment", defaultValue = "", description = "what is being done about it") String comment;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (by.isBlank()) throw new UserError("--by must not be empty");
        try (Store db = FilledStore.open(ConfigLoader.load(common.config).settings())) {
            StoredAlert a = new AlertStore(db.dataSource()).find(alert.trim()).orElseThrow(() -> new UserError(
                    "there is no exception \"" + alert + "\" in the store (use the number shown in the email, e.g. perfalert ack 12 --by \"Jo Bloggs\")"));
            Acknowledging.Result r = new Acknowledging(db.dataSource()).acknowledge(a.id(),
                    new Acknowledging.Who(by.trim(), null, "command"), comment, Instant.now());
            spec.commandLine().getOut().println((r.addedAny() ? "acknowledged alert " : "already acknowledged, nothing added: alert ")
                    + a.id() + " (" + a.fingerprint() + ", " + a.status().id() + ") by " + by.trim());
        }
        return Main.OK;
    }
}
