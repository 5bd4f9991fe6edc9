package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast sort gives exactly the order of a stable sort by PerformanceException.ORDER, ties included. */
class ContractOrderTest {
    @Test
    void sortsExactlyAsTheContractsComparatorDoes() {
        Random r = new Random(5);
        for (int round = 0; round < 50; round++) {
            List<PerformanceException> list = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(400); i++)
                list.add(new PerformanceException(pick(r, "rule-a", "rule-b", "spc-shift"), pick(r, "crime", "calls", "abandoned", "Crime"),
                        AreaType.values()[r.nextInt(3)], pick(r, "Fenland", "Cambridge", "Force", "East Cambs"),
                        YearMonth.of(2024, 1 + r.nextInt(3)), Severity.values()[r.nextInt(3)], Direction.NEUTRAL, "h" + i, Map.of()));
            List<PerformanceException> expected = new ArrayList<>(list);
            expected.sort(PerformanceException.ORDER);
            ContractOrder.sort(list);
            assertThat(list).containsExactlyElementsOf(expected); // same objects, same places: ties keep their order
        }
    }

    private static String pick(Random r, String... options) { return options[r.nextInt(options.length)]; }
}
