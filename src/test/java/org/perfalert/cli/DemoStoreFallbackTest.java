package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** After the demo, the commands its emails print find the demo's store under out/data when store.url is the default. */
class DemoStoreFallbackTest {

    @TempDir Path folder;

    private static Settings withStore(String url) {
        Properties p = new Properties();
        p.setProperty("store.url", url);
        return new Settings(p, Map.of());
    }

    private void demoStore(boolean marked) throws Exception {
        Path data = folder.resolve(DemoCommand.DEFAULT_DATA);
        Files.createDirectories(data);
        Files.writeString(data.resolve("perfalert.mv.db"), "");
        if (marked) Files.writeString(data.resolve(DemoCommand.MARK), "made by the demo\n");
    }

    @Test
    void theDemosStoreIsUsedWhenTheDefaultHasNone() throws Exception {
        demoStore(true);
        Settings s = FilledStore.demoStoreIfNoneSet(withStore(Settings.DEFAULTS.get("store.url")), folder);
        assertThat(s.get("store.url")).isEqualTo("jdbc:h2:file:"
                + folder.toAbsolutePath().resolve("out/data/perfalert").normalize().toString().replace('\\', '/'));
    }

    @Test
    void aStoreAtTheDefaultPlaceWins() throws Exception {
        demoStore(true);
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/perfalert.mv.db"), "");
        Settings s = FilledStore.demoStoreIfNoneSet(withStore(Settings.DEFAULTS.get("store.url")), folder);
        assertThat(s.get("store.url")).isEqualTo(Settings.DEFAULTS.get("store.url"));
    }

    @Test
    void aStoreSetElsewhereOrOneTheDemoDidNotMakeIsLeftAlone() throws Exception {
        demoStore(false);
        Settings unmarked = FilledStore.demoStoreIfNoneSet(withStore(Settings.DEFAULTS.get("store.url")), folder);
        assertThat(unmarked.get("store.url")).isEqualTo(Settings.DEFAULTS.get("store.url"));
        demoStore(true);
        Settings elsewhere = FilledStore.demoStoreIfNoneSet(withStore("jdbc:h2:file:/srv/perfalert/store"), folder);
        assertThat(elsewhere.get("store.url")).isEqualTo("jdbc:h2:file:/srv/perfalert/store");
    }
}
