package org.perfalert.rules.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenarios of a rule folder: every *.yaml / *.yml file in its tests/ folder, by file name. */
public final class ScenarioFolder {
    /** What was read: the scenarios, and one FILE:LINE:COLUMN message per file that cannot be run. */
    public record Contents(List<Scenario> scenarios, List<String> broken) { }

    private ScenarioFolder() { }

    public static Path of(Path rulesDir) { return rulesDir.resolve("tests"); }

    public static Contents read(Path rulesDir, ScenarioReader.DefaultConfig defaults) throws IOException {
        Path dir = of(rulesDir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Path f : files) {
            try {
                scenarios.addAll(ScenarioReader.read(f, defaults));
            } catch (ScenarioError e) {
                broken.add(e.getMessage());
            }
        }
        return new Contents(scenarios, broken);
    }
}
