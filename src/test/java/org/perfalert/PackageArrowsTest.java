package org.perfalert;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows between packages run one way (docs/architecture.md): each package uses only packages below it in
 * this order, so there is no cycle and no stage reaches back up the line.
 */
class PackageArrowsTest {
    /** Top to bottom, as docs/architecture.md draws them. */
    static final List<String> LAYERS = List.of("cli", "service", "ack", "digest", "pull", "pipeline", "alerts", "evaluate", "rules",
            "routing", "links", "notify", "ingest", "store", "config", "model");
    static final Pattern USE = Pattern.compile("org\\.perfalert\\.(\\w+)\\.");
    static final Path MAIN = Path.of(System.getProperty("perfalert.repo", ".")).resolve("src/main/java/org/perfalert");

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses.keySet()).as("every package has its place in the order").isSubsetOf(LAYERS);
        List<String> upward = new ArrayList<>();
        uses.forEach((from, tos) -> tos.forEach(to -> {
            if (LAYERS.indexOf(to) <= LAYERS.indexOf(from)) upward.add(from + " -> " + to);
        }));
        assertThat(upward).as("arrows that run back up").isEmpty();
        assertThat(uses.get("alerts")).contains("notify").doesNotContain("pipeline", "digest", "service");
        assertThat(uses.get("notify")).doesNotContain("alerts");
    }

    /** For each package, the other packages its files name (imports and qualified names). */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                Set<String> tos = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) tos.add(m.group(1));
            }
        }
        return out;
    }
}
