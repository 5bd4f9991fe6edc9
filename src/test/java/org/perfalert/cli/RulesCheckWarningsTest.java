package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules check warns, at the line, about metric ids, area names and severities the configuration or pack lacks; warnings alone exit 0. */
class RulesCheckWarningsTest {
    @TempDir Path dir;

    static final String RULE = """
            package perfalert.mine

            import org.perfalert.rules.Series
            import org.perfalert.rules.Movement

            import function org.perfalert.rules.Raising.raise

            // metricId == "in.a.comment" is not looked at
            rule "burglary-in-fenland"
            when
                $s : Series( metricId == "policeuk.burglery", area == "Fenlnd", value > 30 )
                Series( metricId in ("policeuk.all_crime", "policeuk.shopliftin"), area == "Cambridgeshire" )
            then
                raise($s, Movement.UP, $s.headline("above 30"), $s.evidence());
            end
            """;

    @Test
    void namesTheConfigurationLacksAreWarningsAtTheirLineWithTheNearestName() throws IOException {
        Files.writeString(dir.resolve("mine.drl"), RULE);
        Files.writeString(dir.resolve("settings.properties"), "severity.burglary-in-fenland = high\nseverity.burglary-in-fenlnd = low\n");
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String drl = dir.resolve("mine.drl").toString();
        assertThat(r.out().lines().toList()).containsExactly(
                drl + ":11:31: warning: metric \"policeuk.burglery\" is not in config/metrics.yaml (did you mean policeuk.burglary?): the rule never fires for it",
                drl + ":11:60: warning: area \"Fenlnd\" is not in config/areas.yaml (did you mean Fenland?): the rule never fires for it",
                drl + ":12:49: warning: metric \"policeuk.shopliftin\" is not in config/metrics.yaml (did you mean policeuk.shoplifting?): the rule never fires for it",
                dir.resolve("settings.properties") + ":2:1: warning: severity.burglary-in-fenlnd is the severity of rule \"burglary-in-fenlnd\","
                        + " which is not in the pack (did you mean burglary-in-fenland?)",
                "OK: 1 rules in " + dir + " compile, 4 warnings");
    }

    @Test
    void errorsStillFailTheCheckAndWarningsAreShownWithThem() throws IOException {
        Files.writeString(dir.resolve("mine.drl"), RULE.replace("value > 30", "valeu > 30"));
        Files.writeString(dir.resolve("settings.properties"), "");
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.INPUT_ERROR);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(dir.resolve("mine.drl") + ":11:69: Series has no property valeu (did you mean value?)");
        assertThat(lines).last().isEqualTo("1 problem, 3 warnings in " + dir);
    }

    @Test
    void theShippedPackHasNoWarnings() {
        CliRun r = CliRun.run("rules", "check");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("warning").startsWith("OK: ");
    }
}
