package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.fixtures.StandardRules;
import org.perfalert.ingest.ObservationReader;
import org.perfalert.model.PerformanceException;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * explain's words come from the rules' own conditions (and, for rules across series, a table): for every
 * figure of several months of the police.uk samples and the seed reports, its verdict for every rule
 * agrees with what the engine raised.
 */
class ExplanationTest {

    /** Explains every figure of each month; returns how often each rule fired. */
    private static Map<String, Integer> agreeOver(Configuration config, SeriesBuilder history, List<YearMonth> months) {
        RuleBase pack = StandardRules.pack();
        Evaluator evaluator = new Evaluator(pack, config.catalogue(), config.areas());
        Explanation explanation = new Explanation(pack, config.areas());
        Map<String, Integer> fired = new TreeMap<>();
        int checked = 0;
        for (YearMonth m : months) {
            List<PerformanceException> raised = evaluator.evaluate(history, m);
            List<Series> all = history.seriesAt(m, pack.settings().forSeries());
            for (Series figure : all)
                for (Explanation.Line l : explanation.explain(figure, all, raised)) {
                    assertThat(l.conditionsHold()).as("%s for %s: %s", l.rule(), figure, l.words()).isEqualTo(l.fired());
                    assertThat(l.words()).isNotBlank().doesNotContain("Significance[", "cannot be worked out)\u2014");
                    if (l.fired()) fired.merge(l.rule(), 1, Integer::sum);
                    checked++;
                }
        }
        assertThat(checked).isGreaterThan(1000);
        return fired;
    }

    @Test
    void theVerdictAgreesWithTheEngineForEveryRuleOnThePoliceUkSamples() throws Exception {
        Configuration config = ConfigLoader.loadForRules(Path.of("config"));
        SeriesBuilder history = new SeriesBuilder(new StreetCounts(config.areas()).observations(), config.catalogue(), config.areas());
        YearMonth last = history.latestMonth().orElseThrow();
        Map<String, Integer> fired = agreeOver(config, history, List.of(last.minusMonths(12), last.minusMonths(6), last.minusMonths(1), last));
        assertThat(fired.keySet()).as("most rules fire somewhere, so agreement is tested both ways").hasSizeGreaterThan(12);
    }

    @Test
    void theVerdictAgreesWithTheEngineOnTheSeedReportsRatesAndThresholds() throws Exception {
        Path seed = Path.of("src/test/resources/seed-reports");
        Configuration config = ConfigLoader.loadForRules(seed.resolve("config"));
        SeriesBuilder history = new SeriesBuilder(ObservationReader.readAll(List.of(seed.resolve("data.csv")), config), config.catalogue(), config.areas());
        Map<String, Integer> fired = agreeOver(config, history, List.of(YearMonth.of(2020, 3), YearMonth.of(2021, 3), YearMonth.of(2021, 6)));
        assertThat(fired).containsKeys("only-district-increase", "twelve-month-high");
    }

    @Test
    void aComparisonIsWordedWithBothNumbersAndATestWithItsZ() throws Exception {
        Configuration config = ConfigLoader.loadForRules(Path.of("config"));
        SeriesBuilder history = new SeriesBuilder(new StreetCounts(config.areas()).observations(), config.catalogue(), config.areas());
        YearMonth m = history.latestMonth().orElseThrow();
        List<Series> all = history.seriesAt(m, StandardRules.pack().settings().forSeries());
        Series figure = all.stream().filter(s -> s.getMetricId().equals("policeuk.all_crime") && s.getArea().equals("Fenland")).findFirst().orElseThrow();
        Map<String, String> words = new HashMap<>();
        for (Explanation.Line l : new Explanation(StandardRules.pack(), config.areas()).explain(figure, all, List.of()))
            words.put(l.rule(), l.words());
        String max = figure.format(figure.getPreviousMax()), value = figure.getValueText();
        assertThat(words.get("twelve-month-high")).isEqualTo("value " + value + (figure.getValue() > figure.getPreviousMax() ? " is above" : " is not above")
                + " previousMax " + max);
        Significance t = figure.getAverage1yr();
        assertThat(words.get("above-average-1yr")).contains(String.format("z = %.2f, needed 1.645", t.z()));
        assertThat(words.get("threshold-above")).contains("is not set");
    }
}
