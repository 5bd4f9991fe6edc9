package org.perfalert.cli;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The service must not live on with a broken JVM: after an OutOfMemoryError some of its threads are dead and the rest
 * wait for ever. Started with -XX:+ExitOnOutOfMemoryError (bin/perfalert does so) it exits instead, and whatever
 * restarts it (systemd, a container) brings it back; nothing is lost (docs/operations.md).
 */
final class JvmFlags {
    private JvmFlags() { }

    /** A warning when the JVM would not exit on running out of memory, empty when it would (or cannot tell). */
    static Optional<String> outOfMemoryWarning() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null) return Optional.empty();
            boolean exits = Boolean.parseBoolean(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || Boolean.parseBoolean(hotspot.getVMOption("CrashOnOutOfMemoryError").getValue());
            return exits ? Optional.empty() : Optional.of("warning: the JVM was started without -XX:+ExitOnOutOfMemoryError, so after"
                    + " running out of memory it would live on half dead; start perfalert with bin/perfalert, or add the flag"
                    + " (java -XX:+ExitOnOutOfMemoryError -jar perfalert.jar run) and let systemd or the container restart it");
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
