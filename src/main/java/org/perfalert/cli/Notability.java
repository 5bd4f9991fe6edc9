package org.perfalert.cli;

import org.perfalert.model.PerformanceException;

import java.lang.reflect.Method;

/**
 * Whether an exception is notable or a signal (docs/SIGNALS.md), for the counts of backtest --summary
 * and --compare. The calibrated layer may not be part of this build: then there is nothing to count,
 * and the counts are left out rather than shown as zero.
 */
final class Notability {
    private static final Method NOTABLE = method("notable"), KIND = method("kind");

    private Notability() { }

    private static Method method(String name) {
        try { return PerformanceException.class.getMethod(name); } catch (NoSuchMethodException e) { return null; }
    }

    /** Whether exceptions carry a notable flag in this build. */
    static boolean available() { return NOTABLE != null; }

    /** Whether exceptions carry a kind (signal or exception) in this build. */
    static boolean kinds() { return KIND != null; }

    static boolean notable(PerformanceException e) { return NOTABLE != null && Boolean.TRUE.equals(call(NOTABLE, e)); }

    static boolean signal(PerformanceException e) {
        return KIND != null && String.valueOf(call(KIND, e)).equalsIgnoreCase("signal");
    }

    private static Object call(Method m, PerformanceException e) {
        try { return m.invoke(e); } catch (ReflectiveOperationException ex) { throw new IllegalStateException(ex); }
    }
}
