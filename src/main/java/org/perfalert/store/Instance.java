package org.perfalert.store;

import org.perfalert.config.Settings;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Which instance of perfalert this process is, among several on one database: the name its claims (files, emails)
 * and its schedules carry. Set {@code instance.id} to a name per machine; by default it is made of the host name, the
 * process id and a random part, new at each start.
 */
public final class Instance {
    private Instance() { }

    /** The instance.id setting, or host-pid-random when it is empty. */
    public static String id(Settings settings) {
        String set = settings.get("instance.id").trim();
        if (!set.isEmpty()) {
            if (set.length() > 100) throw new IllegalArgumentException("instance.id is longer than 100 characters: " + set);
            return set;
        }
        return host() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 60 ? h.substring(0, 60) : h;
        } catch (Exception e) {
            return "host";
        }
    }
}
