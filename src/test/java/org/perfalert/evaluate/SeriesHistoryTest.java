package org.perfalert.evaluate;

import org.junit.jupiter.api.Test;
import org.perfalert.model.AreaType;
import org.perfalert.model.Observation;
import org.perfalert.model.SeriesKey;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesHistoryTest {
    @Test
    void picksOneSeriesWithinTheMonthsAsked() {
        YearMonth m = YearMonth.of(2025, 3);
        SeriesHistory h = SeriesHistory.of(List.of(
                new Observation(m.minusMonths(30), "burglary", AreaType.DISTRICT, "Fenland", 1, null, null),
                new Observation(m.minusMonths(23), "burglary", AreaType.DISTRICT, "Fenland", 2, null, null),
                new Observation(m, "burglary", AreaType.DISTRICT, "Fenland", 3, null, null),
                new Observation(m, "burglary", AreaType.DISTRICT, "Peterborough", 9, null, null),
                new Observation(m.plusMonths(1), "burglary", AreaType.DISTRICT, "Fenland", 4, null, null)));
        assertThat(h.values(new SeriesKey("burglary", AreaType.DISTRICT, "Fenland"), m.minusMonths(23), m))
                .containsExactly(java.util.Map.entry(m.minusMonths(23), 2.0), java.util.Map.entry(m, 3.0));
        assertThat(h.values(new SeriesKey("robbery", AreaType.DISTRICT, "Fenland"), m.minusMonths(23), m)).isEmpty();
    }
}
