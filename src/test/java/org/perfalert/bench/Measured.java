package org.perfalert.bench;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a command's main class in this (fresh) JVM and, as the JVM exits, writes what the operating
 * system says it used: peak resident memory (VmHWM) and CPU seconds, to a file the benchmark reads.
 * Usage: Measured OUT-FILE MAIN-CLASS ARGS...
 */
public final class Measured {
    private Measured() { }

    public static void main(String[] args) throws Throwable {
        Path out = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                String status = Files.readString(Path.of("/proc/self/status"));
                String hwm = status.lines().filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: 0 kB");
                String[] stat = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
                long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime + stime, in clock ticks (1/100 s)
                Files.writeString(out, "peak_rss_kb=" + hwm.replaceAll("\\D", "") + "\ncpu_seconds=" + ticks / 100.0 + "\n");
            } catch (Exception e) {
                // nothing measured: the benchmark reports the run without memory
            }
        }));
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
