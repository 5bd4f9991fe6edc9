package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Settings;
import org.perfalert.service.Assembly;
import org.perfalert.service.BrokenVersion;
import org.perfalert.service.Service;
import org.perfalert.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the service: routes, rules, store, notifications and digests until stopped (Ctrl-C or SIGTERM).")
public class RunCommand implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--routes", defaultValue = "routes", description = "folder with the *.camel.yaml routes (default: ${DEFAULT-VALUE})")
    Path routes;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JvmFlags.outOfMemoryWarning().ifPresent(w -> spec.commandLine().getErr().println(w));
        Settings settings = ConfigLoader.load(common.config).settings();
        try (Assembly parts = open(settings, common.config, common.rules);
             Service service = start(parts, settings, routes)) {
            spec.commandLine().getErr().println("perfalert running: inbox " + service.options().inboxDir().toAbsolutePath()
                    + (service.options().httpPort() > 0 ? ", health http://127.0.0.1:" + service.options().httpPort() + "/observe/health" : "")
                    + "; stop with Ctrl-C");
            spec.commandLine().getErr().flush();
            service.awaitStop(parts);
        }
        return Main.OK;
    }

    /** Starts the routes; a folder or port problem is reported as such, not as a stack trace. */
    static Service start(Assembly parts, Settings settings, Path routes) {
        try {
            return Service.start(parts, Service.Options.from(settings, routes));
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            throw new UserError("the service could not start: " + (root == e ? "" : e.getMessage() + ": ") + root.getMessage()
                    + " (check routes/, inbox.dir and http.port)");
        }
    }

    /** The store and the first version of the rules and configuration; a broken first version is the user's error. */
    static Assembly open(Settings settings, Path config, Path rules) throws ConfigException {
        try {
            return Assembly.open(settings, config, rules, Clock.systemUTC());
        } catch (BrokenVersion e) {
            throw new UserError("the rules or configuration cannot be used:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), e.problems()));
        } catch (IllegalArgumentException | StoreException e) {
            // a setting that makes no sense (mail.mode, a port) or a store that cannot be opened
            throw new UserError(e.getMessage());
        }
    }
}
