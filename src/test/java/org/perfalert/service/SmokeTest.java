package org.perfalert.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.Configuration;

import java.nio.file.*;
import java.time.YearMonth;
import java.util.*;
import java.util.concurrent.*;

class SmokeTest {
    @TempDir Path tmp;

    @Test
    void smoke() throws Exception {
        List<String> loaded = new CopyOnWriteArrayList<>();
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        LiveRules<String> live = LiveRules.start(Path.of("config"), rules, (c, r) -> "x", (a, h, p) -> {}, null);
        Stages st = new Stages(f -> { loaded.add(f.getFileName().toString()); Files.move(f, f.resolveSibling("processed-" + f.getFileName()));
                return new Stages.LoadedFile(f.getFileName().toString(), true, List.of(YearMonth.of(2024,1)), f, 1, "r1"); },
            m -> new Stages.Evaluation(m, List.of(), Set.of()), (e, r) -> {}, () -> 0, () -> "none", live);
        int port = new java.net.ServerSocket(0).getLocalPort();
        Service.Options o = new Service.Options(Path.of("routes"), tmp.resolve("inbox"), tmp.resolve("state"), port,
            "0 0 7 ? * MON", "Europe/London", 100, 500, 500, 10);
        try (Service s = Service.start(st, o)) {
            Files.writeString(tmp.resolve("inbox/a.csv"), "x");
            long end = System.currentTimeMillis() + 10000;
            while (loaded.isEmpty() && System.currentTimeMillis() < end) Thread.sleep(50);
            System.out.println("LOADED " + loaded + " routes " + s.camel().getRoutes());
            var c = java.net.http.HttpClient.newHttpClient();
            var r = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/observe/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println("HEALTH " + r.statusCode() + " " + r.body());
        }
    }
}
