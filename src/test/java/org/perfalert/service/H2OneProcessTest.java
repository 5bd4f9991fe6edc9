package org.perfalert.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 stays the one-process store (issue 17): a second perfalert run on an H2 store in use by another process exits 1
 * with a message that says why and what to do instead.
 */
class H2OneProcessTest {
    @TempDir Path root;

    @Test
    void aSecondRunOnAnH2StoreInUseExitsOneSayingToUsePostgresql() throws Exception {
        ServiceFixture.copy(ServiceFixture.REPO.resolve("config"), root.resolve("config"));
        ServiceFixture.copy(ServiceFixture.REPO.resolve("rules"), root.resolve("rules"));
        String url = "jdbc:h2:file:" + root.resolve("data/perfalert").toAbsolutePath();
        try (Store first = Store.open(url, "sa", "", Clock.systemUTC())) {   // this process holds the store
            ChildService second = ChildService.start(root, Map.of("store.url", url, "inbox.dir", root.resolve("inbox").toString(),
                    "service.state.dir", root.resolve("state").toString()), null);
            assertThat(second.awaitExit(Duration.ofSeconds(120))).isEqualTo(1);
            assertThat(second.log()).contains("another perfalert is using this store", "use PostgreSQL to run several");
            assertThat(first.observations().all()).as("the first still works").isEmpty();
        }
    }
}
