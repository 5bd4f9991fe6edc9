package org.perfalert.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** parts_of and none_since in metrics.yaml: read, and a wrong declaration named with how to fix it. */
class PartsOfTest {
    @TempDir Path dir;

    private Path config(String metrics) throws Exception {
        Files.writeString(dir.resolve("metrics.yaml"), "metrics:\n" + metrics);
        Files.writeString(dir.resolve("areas.yaml"), "force: Testshire\nareas:\n  North: [Northtown]\n");
        return dir;
    }

    @Test
    void thePartsOfATotalAreReadInFileOrderAndKeptWithIt() throws Exception {
        Catalogue c = ConfigLoader.loadForRules(config("""
                  - { id: all, label: All, unit: count, better: down }
                  - { id: theft, label: Theft, unit: count, better: down, parts_of: all }
                  - { id: outcomes, label: Outcomes, unit: count, better: up, none_since: true }
                  - { id: burglary, label: Burglary, unit: count, better: down, parts_of: all }
                """)).catalogue();
        assertThat(c.partsOf("all")).extracting(m -> m.id()).containsExactly("theft", "burglary");
        assertThat(c.family("burglary")).isEqualTo("all");
        assertThat(c.family("outcomes")).isEqualTo("outcomes");
        assertThat(c.get("outcomes").noneSince()).isTrue();
        assertThat(c.get("theft").noneSince()).isFalse();
    }

    @Test
    void aWrongDeclarationIsAProblemThatSaysWhatToDo() throws Exception {
        Path d = config("""
                  - { id: all, label: All, unit: count, better: down }
                  - { id: theft, label: Theft, unit: count, better: down, parts_of: al }
                  - { id: rate, label: Rate, unit: percent, better: up, parts_of: all }
                  - { id: a, label: A, unit: count, better: up, parts_of: b }
                  - { id: b, label: B, unit: count, better: up, parts_of: a }
                  - { id: c, label: C, unit: count, better: up, none_since: maybe }
                """);
        assertThatThrownBy(() -> ConfigLoader.loadForRules(d)).isInstanceOfSatisfying(ConfigException.class, e -> {
            List<String> p = e.problems();
            assertThat(p).anySatisfy(x -> assertThat(x).contains("metric \"theft\": parts_of \"al\" is not a metric of this catalogue (did you mean all?)"));
            assertThat(p).anySatisfy(x -> assertThat(x).contains("metric \"rate\"").contains("must both be counts"));
            assertThat(p).anySatisfy(x -> assertThat(x).contains("metric \"a\"").contains("part of itself"));
            assertThat(p).anySatisfy(x -> assertThat(x).contains("none_since").contains("true or false"));
        });
    }
}
