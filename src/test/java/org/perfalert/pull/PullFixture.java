package org.perfalert.pull;

import org.perfalert.config.ConfigException;
import org.perfalert.config.Configuration;
import org.perfalert.ingest.FileLoader;
import org.perfalert.ingest.TestConfig;
import org.perfalert.notify.Mailer;
import org.perfalert.notify.Outbox;
import org.perfalert.notify.OutboxEntry;
import org.perfalert.store.Store;
import org.perfalert.store.TestStores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A real pull stage for tests: the repository's configuration (whose people.yaml names the analysts), an H2
 * store in a temporary folder, and the sources written to a sources.yaml there and read back as in the service.
 */
final class PullFixture implements AutoCloseable {
    final Path dir;
    final Configuration cfg = TestConfig.config();
    final Clock clock = TestConfig.clock(); // mid-June 2026: a scheduled pull asks for 2026-03 to 2026-05
    final Store store;
    final PullHealth health;
    final SourcePuller puller;
    private final Map<String, String> env;

    PullFixture(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.store = TestStores.open(TestStores.H2, dir, clock);
        this.health = new PullHealth(dir.resolve("pull/sources-state.json"), 3);
        this.env = env;
        this.puller = pullerLoadingWith(new FileLoader(cfg, store.observations(), clock)::load);
    }

    /** A puller of this fixture's store and state that hands each payload file to the loader given. */
    SourcePuller pullerLoadingWith(PayloadLoader loader) {
        return new SourcePuller(loader, env, dir.resolve("pull/staging"), health,
                new FailureNotice(store.dataSource(), () -> cfg.people().analysts(), new Mailer("perfalert@localhost", null)), clock);
    }

    /** The sources of a sources.yaml with this text (a fresh folder each time). */
    List<Source> sources(String yaml) throws IOException, ConfigException {
        Path cfgDir = Files.createTempDirectory(dir, "cfg");
        Files.writeString(cfgDir.resolve(SourcesFile.NAME), yaml);
        return SourcesFile.load(cfgDir);
    }

    Source source(String yaml) throws IOException, ConfigException { return sources(yaml).get(0); }

    List<OutboxEntry> outbox() throws SQLException { return new Outbox(store.dataSource()).all(); }

    @Override
    public void close() { store.close(); }
}
