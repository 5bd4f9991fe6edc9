package org.perfalert.store;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Named points between two durable steps (a file's figures committed but the file not yet filed; an email handed to
 * the mail server but not yet marked sent ...), where the durability tests make the process die.
 * {@code -Dperfalert.crash-at=NAME} (or {@code NAME:N}, the N-th time) halts the JVM there with exit code 137, as
 * kill -9 would: no shutdown hooks, nothing flushed. A test in the same JVM may install an action instead. In a normal
 * run a call costs one volatile read. The points are listed in docs/operations.md.
 */
public final class Crashpoints {
    private static final String PROPERTY = "perfalert.crash-at";
    private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();
    private static volatile Consumer<String> action = fromProperty(System.getProperty(PROPERTY));

    private Crashpoints() { }

    /** Called by the code at the named point. */
    public static void reach(String name) {
        Consumer<String> a = action;
        if (a != null) a.accept(name);
    }

    /** A test's own action at every point (it may throw to stop the work there); null removes it. */
    public static void install(Consumer<String> a) {
        REACHED.clear();
        action = a;
    }

    /** Halts the JVM the n-th time the named point is reached ("name" or "name:n"; null or empty: never). */
    static Consumer<String> fromProperty(String spec) {
        if (spec == null || spec.isBlank()) return null;
        String[] parts = spec.trim().split(":");
        String point = parts[0].toLowerCase(Locale.ROOT);
        int times = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 1;
        return name -> {
            if (name.equals(point) && REACHED.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet() == times) {
                System.err.println("perfalert: crash point " + name + " reached, halting (" + PROPERTY + ")");
                System.err.flush();
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
