package org.perfalert.cli;

import org.perfalert.config.Settings;
import org.perfalert.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store a command that reads figures and exceptions opens (ack, silence, recipients, digest): one that holds
 * figures. A store that does not exist is not created (an H2 file would be, empty, at the wrong place) and an empty
 * one is refused, each saying where it looked and how to fix it, so a mistyped setting never reads as "nothing found".
 */
final class FilledStore {
    private FilledStore() { }

    static Store open(Settings settings) {
        settings = demoStoreIfNoneSet(settings, Path.of(""));
        String url = settings.get("store.url");
        Path file = h2File(url);
        if (file != null && !Files.exists(file))
            throw new UserError("there is no store at " + file.toAbsolutePath().normalize() + " (store.url=" + url + "), so no figures: "
                    + "load figures first (perfalert load --data FILE, or perfalert demo --once), run from the folder that "
                    + "holds data/, or set store.url");
        Store store = Store.open(settings);
        if (store.observations().latestMonth().isEmpty()) {
            store.close();
            throw new UserError("the store at " + url + " holds no figures: load figures first (perfalert load --data FILE, "
                    + "or perfalert demo --once), or set store.url to the store that holds them");
        }
        return store;
    }

    /**
     * After `perfalert demo` the commands its emails print must work as printed. The contract keeps the demo's store
     * under out/ (out/data), while store.url defaults to ./data; so when store.url is the default, ./data holds no store
     * and out/data holds one the demo made, that one is used, and the command says so.
     */
    static Settings demoStoreIfNoneSet(Settings settings, Path folder) {
        if (!settings.get("store.url").equals(Settings.DEFAULTS.get("store.url"))) return settings;
        Path usual = h2File(settings.get("store.url"));
        Path demo = folder.toAbsolutePath().resolve(DemoCommand.DEFAULT_DATA);
        if (usual == null || Files.exists(folder.toAbsolutePath().resolve(usual)) || !Files.exists(demo.resolve("perfalert.mv.db"))
                || !Files.exists(demo.resolve(DemoCommand.MARK))) return settings;
        System.err.println("perfalert: using the demo's store in " + demo.normalize()
                + " (no store in ./data; set store.url to use another)");
        return settings.with("store.url", "jdbc:h2:file:" + demo.normalize().resolve("perfalert").toString().replace('\\', '/'));
    }

    /** The database file of an embedded H2 URL (jdbc:h2:file:./data/perfalert -> ./data/perfalert.mv.db), else null. */
    static Path h2File(String url) {
        String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : null;
        if (prefix == null) return null;
        String path = url.substring(prefix.length());
        int semi = path.indexOf(';');
        if (semi >= 0) path = path.substring(0, semi);
        if (path.startsWith("~")) path = System.getProperty("user.home") + path.substring(1);
        return Path.of(path + ".mv.db");
    }
}
