package org.perfalert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies a rule folder keeping only some rules (each file's package, imports and globals, then the
 * chosen "rule ... end" blocks), so the engine can be timed on exactly the work the baseline does.
 */
final class RulePack {
    private RulePack() { }

    static Path subset(Path rules, Set<String> keep, Path out) throws IOException {
        Files.createDirectories(out);
        Files.copy(rules.resolve("settings.properties"), out.resolve("settings.properties"));
        try (Stream<Path> files = Files.list(rules)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                List<String> header = new ArrayList<>(), kept = new ArrayList<>();
                boolean inRule = false, keeping = false, seenRule = false;
                for (String line : Files.readAllLines(drl)) {
                    if (line.startsWith("rule \"")) {
                        inRule = seenRule = true;
                        keeping = keep.contains(line.substring(6, line.indexOf('"', 6)));
                    }
                    if (inRule) { if (keeping) kept.add(line); }
                    else if (!seenRule) header.add(line);
                    if (inRule && line.trim().equals("end")) { inRule = false; if (keeping) kept.add(""); }
                }
                if (kept.isEmpty()) continue;
                header.addAll(kept);
                Files.write(out.resolve(drl.getFileName()), header);
            }
        }
        return out;
    }
}
