package org.perfalert.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiled rule folders kept on disk, so a command does not compile rules that have not changed (a
 * compile is most of a small command's time). An entry is named by a hash of every rule file's name
 * and text, settings.properties, this build of perfalert (the jar, or the classes and class path when
 * run from a build folder) and the Java version: any change to any of them is another name, so an
 * edited folder is compiled again and a new rule file just works. An entry that is missing, cannot be
 * read or fails its check is not used: the folder is compiled, as without a cache. Only a folder that
 * compiled cleanly is stored. The jar also carries the standard rule pack compiled when it was built
 * (see {@link #main}), used when the folder is exactly that pack. "rules check" never uses either.
 */
public final class RuleCache {
    private static final int KEPT = 16; // entries kept; the oldest go when a new one is written
    private static final String BUNDLED = "perfalert/standard-rules.compiled";
    static final String BUNDLED_BUILD = "the jar's own standard rule pack";

    private final Path dir;
    private final AtomicInteger compiles = new AtomicInteger(); // how often the folder had to be compiled

    /** A cache in that folder (made when first written to). */
    public RuleCache(Path dir) { this.dir = dir; }

    /**
     * The folder of the setting rules.cache.dir: "none" is no cache; empty is $XDG_CACHE_HOME/perfalert/rules,
     * or ~/.cache/perfalert/rules.
     */
    public static Optional<RuleCache> of(String setting, Map<String, String> env) {
        String s = setting == null ? "" : setting.trim();
        if (s.equalsIgnoreCase("none")) return Optional.empty();
        if (!s.isEmpty()) return Optional.of(new RuleCache(Path.of(s)));
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(new RuleCache(base.resolve("perfalert").resolve("rules")));
    }

    public Path dir() { return dir; }

    /** How many times this cache compiled a folder because it did not hold it. */
    int compiles() { return compiles.get(); }

    /** The rule folder compiled, from the cache when it holds this exact folder; RuleProblems as a compile gives them. */
    public RuleBase compiled(Path rulesDir) throws RuleProblems {
        RuleFolder folder = RuleFolder.read(rulesDir);
        if (!folder.problems().isEmpty() || !folder.unreadable().isEmpty() || Build.FINGERPRINT == null) return RuleCompiler.compile(folder);
        String key = key(folder, Build.FINGERPRINT);
        Path entry = dir.resolve(key + ".rules");
        RuleBase found = read(entry, key, folder);
        if (found == null) found = bundled(folder);
        if (found != null) return found;
        compiles.incrementAndGet();
        RuleBase compiled = RuleCompiler.compile(folder);
        write(entry, key, compiled);
        return compiled;
    }

    private static RuleBase read(Path entry, String key, RuleFolder folder) {
        try {
            return CompiledEntry.read(Files.newInputStream(entry), key, folder);
        } catch (IOException e) {
            return null;
        }
    }

    /** The standard pack compiled into this jar, when the folder is exactly that pack (never from a build folder). */
    private static RuleBase bundled(RuleFolder folder) {
        if (!Build.IN_JAR) return null;
        InputStream in = RuleCache.class.getClassLoader().getResourceAsStream(BUNDLED);
        return in == null ? null : CompiledEntry.read(in, key(folder, BUNDLED_BUILD), folder);
    }

    /** Stores a compiled folder; a cache that cannot be written is left as it is (the next command compiles). */
    private void write(Path entry, String key, RuleBase compiled) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, key, ".part");
            try {
                CompiledEntry.write(Files.newOutputStream(temp), key, compiled);
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // not cached: the rules were compiled and are used as they are
        }
    }

    /** Keeps the newest entries only, so a folder edited many times does not fill the disk. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted(RuleCache::newestFirst).toList();
        }
        for (Path old : entries.subList(Math.min(KEPT, entries.size()), entries.size())) Files.deleteIfExists(old);
    }

    private static int newestFirst(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
        } catch (IOException e) {
            return 0;
        }
    }

    /** An entry's name: a hash of everything a compile depends on. */
    static String key(RuleFolder folder, String build) {
        MessageDigest d = CompiledEntry.sha256();
        Consumer<String> text = s -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            d.update(b);
        };
        text.accept(CompiledEntry.FORMAT);
        text.accept(System.getProperty("java.vm.version", ""));
        text.accept(build);
        text.accept(String.valueOf(folder.settingsText()));
        folder.sources().forEach((name, source) -> { text.accept(name); text.accept(source); });
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * At packaging: compiles a rule folder (the repository's rules/) into FILE, the entry the jar carries.
     * A folder that does not compile is reported and nothing is written; packaging goes on.
     */
    public static void main(String[] args) throws IOException {
        System.out.println(bundle(Path.of(args[0]), Path.of(args[1])));
    }

    /** What main does; what happened, in a line or more. */
    static String bundle(Path rules, Path out) throws IOException {
        Files.deleteIfExists(out);
        try {
            RuleFolder folder = RuleFolder.read(rules);
            RuleBase compiled = RuleCompiler.compile(folder);
            Files.createDirectories(out.toAbsolutePath().getParent());
            CompiledEntry.write(Files.newOutputStream(out), key(folder, BUNDLED_BUILD), compiled);
            return "compiled " + compiled.ruleIds().size() + " rules of " + rules + " into " + out;
        } catch (RuleProblems e) {
            return "warning: " + rules + " does not compile, so the jar carries no compiled rules:\n" + String.join("\n", e.problems());
        }
    }

    /** This build of perfalert: the jar's path, size and time, or (run from a build folder) the class path and the newest class. */
    static final class Build {
        private static final Path CODE = code();
        static final boolean IN_JAR = CODE != null && Files.isRegularFile(CODE);
        static final String FINGERPRINT = fingerprint(CODE);

        private static Path code() {
            try {
                return Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (Exception e) {
                return null;
            }
        }

        private static String fingerprint(Path code) {
            if (code == null) return null; // this build cannot be told from another: no cache
            try {
                if (IN_JAR) return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
                long newest;
                try (Stream<Path> s = Files.walk(code)) {
                    newest = s.filter(p -> p.toString().endsWith(".class")).mapToLong(Build::modified).max().orElse(0);
                }
                return code + " " + newest + " " + System.getProperty("java.class.path");
            } catch (IOException | RuntimeException e) {
                return null; // this build cannot be told from another: no cache
            }
        }

        private static long modified(Path p) {
            try { return Files.getLastModifiedTime(p).toMillis(); } catch (IOException e) { return Long.MAX_VALUE; }
        }
    }
}
