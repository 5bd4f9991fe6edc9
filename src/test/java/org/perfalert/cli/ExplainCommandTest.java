package org.perfalert.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** explain through the command line: one line per rule of the pack, fired or not, with the numbers. */
class ExplainCommandTest {
    static final String SEED = "src/test/resources/seed-reports";

    @Test
    void everyRuleOfThePackIsExplainedForTheFigure() {
        CliRun r = CliRun.run("explain", "--data", SEED + "/data.csv", "--config", SEED + "/config",
                "--metric", "recorded_crime_all", "--area", "east cambridgeshire", "--month", "2021-06");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("East Cambridgeshire \u2013 ").endsWith(" in June 2021");
        List<String> rules = lines.stream().filter(l -> l.matches("^[a-z0-9-]+\\s+(yes|no)\\s+.*")).toList();
        int pack = org.perfalert.fixtures.StandardRules.pack().ruleIds().size();
        assertThat(pack).isGreaterThan(RulesTestCommandTest.STANDARD_RULES.size());
        assertThat(rules).hasSize(pack);
        assertThat(rules).anySatisfy(l -> assertThat(l).matches("^only-district-increase\\s+yes\\s+the force's 12-month total changed by .*"
                + "districts with an increase: East Cambridgeshire \u2014 \"East Cambridgeshire was the only district .*"));
        assertThat(rules).anySatisfy(l -> assertThat(l).matches("^twelve-month-low\\s+no\\s+value \\S+ is not below previousMin \\S+\\s+\\[twelve-month.months = 12]"));
        assertThat(lines).last().asString().matches("\\d+ of " + pack + " rules fired");
    }

    @Test
    void aFigureThatIsNotThereIsAnErrorThatSaysSo() {
        CliRun r = CliRun.run("explain", "--data", SEED + "/data.csv", "--config", SEED + "/config", "--metric", "recorded_crime_al");
        assertThat(r.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(r.err()).contains("did you mean recorded_crime_all?");
        CliRun none = CliRun.run("explain", "--data", SEED + "/data.csv", "--config", SEED + "/config",
                "--metric", "recorded_crime_all", "--month", "2001-01");
        assertThat(none.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(none.err()).contains("no figure for recorded_crime_all in Cambridgeshire in 2001-01");
    }
}
