package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.perfalert.config.Catalogue;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** Derived totals (CONTRACT.md 5.1) and which series exist at a month. */
class SeriesBuilderTest {
    static final Areas AREAS = new Areas("Force", Map.of("North", List.of("A", "B"), "South", List.of("C")));
    static final Metric COUNT = new Metric("crime", "Crime", Unit.COUNT, Better.DOWN, "T", null, null, null);
    static final Metric RATE = new Metric("rate", "Rate", Unit.PERCENT, Better.UP, "T", null, null, null);
    static final Catalogue CATALOGUE = new Catalogue(List.of(COUNT, RATE));
    static final YearMonth JAN = YearMonth.of(2021, 1), FEB = YearMonth.of(2021, 2);

    static Observation obs(YearMonth m, Metric metric, AreaType type, String area, double v) {
        return new Observation(m, metric.id(), type, area, v, null, null);
    }

    static Map<String, Double> valuesAt(SeriesBuilder b, YearMonth m, String metric) {
        Map<String, Double> out = new TreeMap<>();
        for (Series s : b.seriesAt(m)) if (s.getMetricId().equals(metric)) out.put(s.getLevel().id() + ":" + s.getArea(), s.getValue());
        return out;
    }

    @Test
    void areaAndForceCountsAreTheSumOfTheirDistrictsWhenAllHaveAFigure() {
        List<Observation> obs = List.of(
                obs(JAN, COUNT, AreaType.DISTRICT, "A", 1), obs(JAN, COUNT, AreaType.DISTRICT, "B", 2),
                obs(JAN, COUNT, AreaType.DISTRICT, "C", 4),
                obs(FEB, COUNT, AreaType.DISTRICT, "A", 10), obs(FEB, COUNT, AreaType.DISTRICT, "C", 40));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);
        assertThat(valuesAt(b, JAN, "crime")).containsEntry("force:Force", 7.0).containsEntry("area:North", 3.0)
                .containsEntry("area:South", 4.0);
        // February: B is missing, so North and the force have no figure; South (only C) has one
        assertThat(valuesAt(b, FEB, "crime")).doesNotContainKeys("force:Force", "area:North").containsEntry("area:South", 40.0);
    }

    @Test
    void aGivenFigureAlwaysWins() {
        List<Observation> obs = List.of(
                obs(JAN, COUNT, AreaType.DISTRICT, "A", 1), obs(JAN, COUNT, AreaType.DISTRICT, "B", 2),
                obs(JAN, COUNT, AreaType.DISTRICT, "C", 4), obs(JAN, COUNT, AreaType.FORCE, "Force", 100),
                obs(JAN, COUNT, AreaType.AREA, "North", 50));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);
        assertThat(valuesAt(b, JAN, "crime")).containsEntry("force:Force", 100.0).containsEntry("area:North", 50.0);
    }

    @Test
    void theForceIsTheSumOfAllDistrictsNotOfGivenAreas() {
        List<Observation> obs = List.of(
                obs(JAN, COUNT, AreaType.DISTRICT, "A", 1), obs(JAN, COUNT, AreaType.DISTRICT, "B", 2),
                obs(JAN, COUNT, AreaType.DISTRICT, "C", 4), obs(JAN, COUNT, AreaType.AREA, "North", 50));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);
        assertThat(valuesAt(b, JAN, "crime")).containsEntry("force:Force", 7.0);
    }

    @Test
    void ratesAreNeverSummedAndUnknownMetricsOrAreasAreIgnored() {
        List<Observation> obs = List.of(
                obs(JAN, RATE, AreaType.DISTRICT, "A", 10), obs(JAN, RATE, AreaType.DISTRICT, "B", 20),
                obs(JAN, RATE, AreaType.DISTRICT, "C", 30),
                new Observation(JAN, "unknown", AreaType.FORCE, "Force", 1, null, null),
                obs(JAN, COUNT, AreaType.DISTRICT, "Elsewhere", 3));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);
        assertThat(valuesAt(b, JAN, "rate")).containsOnlyKeys("district:A", "district:B", "district:C");
        assertThat(b.seriesAt(JAN)).extracting(Series::getMetricId).containsOnly("rate");
    }

    @Test
    void aSeriesHoldsOnlyMonthsUpToTheMonthEvaluated() {
        List<Observation> obs = List.of(obs(JAN, COUNT, AreaType.FORCE, "Force", 5), obs(FEB, COUNT, AreaType.FORCE, "Force", 6));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);
        Series jan = b.seriesAt(JAN).get(0);
        assertThat(jan.getValue()).isEqualTo(5.0);
        assertThat(jan.at(FEB)).isNull();
        assertThat(b.latestMonth()).contains(FEB);
        assertThat(b.seriesAt(YearMonth.of(2021, 3))).isEmpty();
    }

    @Test
    void valuesOfASeriesIncludeDerivedTotalsForTheChartsMonthsOnly() {
        YearMonth mar = YearMonth.of(2021, 3);
        List<Observation> obs = List.of(
                obs(JAN, COUNT, AreaType.DISTRICT, "A", 1), obs(JAN, COUNT, AreaType.DISTRICT, "B", 2),
                obs(JAN, COUNT, AreaType.DISTRICT, "C", 4),
                obs(FEB, COUNT, AreaType.DISTRICT, "A", 10), obs(FEB, COUNT, AreaType.DISTRICT, "C", 40),
                obs(mar, COUNT, AreaType.DISTRICT, "A", 5), obs(mar, COUNT, AreaType.DISTRICT, "B", 6),
                obs(mar, COUNT, AreaType.DISTRICT, "C", 7));
        SeriesBuilder b = new SeriesBuilder(obs, CATALOGUE, AREAS);

        SortedMap<YearMonth, Double> force = b.values(new SeriesKey("crime", AreaType.FORCE, "Force"), JAN, mar);

        // February has no force figure (B missing); January and March are derived
        assertThat(force).containsExactly(Map.entry(JAN, 7.0), Map.entry(mar, 18.0));
        assertThat(b.values(new SeriesKey("crime", AreaType.FORCE, "Force"), FEB, mar)).containsOnlyKeys(mar);
        assertThat(b.values(new SeriesKey("crime", AreaType.DISTRICT, "Nowhere"), JAN, mar)).isEmpty();
    }
}
