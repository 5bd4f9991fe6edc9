package org.perfalert.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiled rule folders kept on disk, so a command does not compile rules that have not changed (a
 * compile is most of a small command's time). An entry is the compiled Drools packages, named by a
 * hash of every rule file's name and text, settings.properties, this build of perfalert (the jar, or
 * the classes and class path when run from a build folder) and the Java version: any change to any of
 * them is another name, so an edited folder is compiled again and a new rule file just works. An entry
 * that is missing, cannot be read, or fails its check is not used: the folder is compiled, as without
 * a cache. Only a folder that compiled cleanly is stored. "rules check" never reads the cache.
 */
public final class RuleCache {
    private static final String FORMAT = "perfalert compiled rules 1";
    private static final int KEPT = 16; // entries kept; the oldest go when a new one is written

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
        String key = key(folder);
        Path entry = dir.resolve(key + ".rules");
        RuleBase cached = read(entry, key, folder.settings());
        if (cached != null) return cached;
        compiles.incrementAndGet();
        RuleBase compiled = RuleCompiler.compile(folder);
        write(entry, key, compiled);
        return compiled;
    }

    /** The entry's rule base, or null when there is none or it cannot be used. */
    private static RuleBase read(Path entry, String key, RuleSettings settings) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(key)) return null;
            List<String> ids = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) ids.add(in.readUTF());
            byte[] digest = in.readNBytes(in.readInt()), packages = in.readNBytes(in.readInt());
            if (in.read() != -1 || !Arrays.equals(digest, sha256().digest(packages))) return null;
            List<KiePackage> read = new ArrayList<>();
            try (ObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(packages), RuleCache.class.getClassLoader())) {
                int n = objects.readInt();
                for (int i = 0; i < n; i++) read.add((KiePackage) objects.readObject());
            }
            RuleBase base = RuleCompiler.ruleBase(RuleCompiler.knowledgeBase(read), settings);
            return base.ruleIds().equals(ids) ? base : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (Exception | LinkageError e) { // a damaged or foreign entry: compile instead
            return null;
        }
    }

    /** Stores a compiled folder; a cache that cannot be written is left as it is (the next command compiles). */
    private void write(Path entry, String key, RuleBase compiled) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
                Collection<KiePackage> packages = compiled.kieBase().getKiePackages();
                objects.writeInt(packages.size());
                for (KiePackage p : packages) objects.writeObject(p);
            }
            byte[] packages = bytes.toByteArray(), digest = sha256().digest(packages);
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, key, ".part");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                    out.writeUTF(FORMAT);
                    out.writeUTF(key);
                    out.writeInt(compiled.ruleIds().size());
                    for (String id : compiled.ruleIds()) out.writeUTF(id);
                    out.writeInt(digest.length);
                    out.write(digest);
                    out.writeInt(packages.length);
                    out.write(packages);
                }
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

    /** The entry's name: a hash of everything a compile depends on. */
    static String key(RuleFolder folder) {
        MessageDigest d = sha256();
        Consumer<String> text = s -> { byte[] b = s.getBytes(StandardCharsets.UTF_8); d.update(Integer.toString(b.length).getBytes()); d.update((byte) ':'); d.update(b); };
        text.accept(FORMAT);
        text.accept(System.getProperty("java.vm.version", ""));
        text.accept(Build.FINGERPRINT);
        text.accept(String.valueOf(folder.settingsText()));
        folder.sources().forEach((name, source) -> { text.accept(name); text.accept(source); });
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This build of perfalert: the jar's path, size and time, or (run from a build folder) the class path and the newest class. */
    static final class Build {
        static final String FINGERPRINT = fingerprint();

        private static String fingerprint() {
            try {
                Path code = Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(code))
                    return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
                long newest;
                try (Stream<Path> s = Files.walk(code)) {
                    newest = s.filter(p -> p.toString().endsWith(".class")).mapToLong(Build::modified).max().orElse(0);
                }
                return code + " " + newest + " " + System.getProperty("java.class.path");
            } catch (Exception e) {
                return null; // this build cannot be told from another: no cache
            }
        }

        private static long modified(Path p) {
            try { return Files.getLastModifiedTime(p).toMillis(); } catch (IOException e) { return Long.MAX_VALUE; }
        }
    }
}
