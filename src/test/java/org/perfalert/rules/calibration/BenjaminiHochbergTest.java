package org.perfalert.rules.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenjaminiHochbergTest {
    @Test
    void stepUpAdjustedPValuesOnASmallFamily() {
        // m = 10, given out of order. Sorted, i, m·p(i)/i, and the running minimum from the top:
        //  i   p       10·p/i    adjusted
        //  10  0.216   0.2160    0.2160
        //   9  0.212   0.2356    0.2160
        //   8  0.205   0.2563    0.2160
        //   7  0.074   0.1057    0.1057
        //   6  0.060   0.1000    0.1000
        //   5  0.042   0.0840    0.0840
        //   4  0.041   0.1025    0.0840
        //   3  0.039   0.1300    0.0840
        //   2  0.008   0.0400    0.0400
        //   1  0.001   0.0100    0.0100
        // At q = 0.05 the cut-off falls after i = 2: only 0.001 and 0.008 are rejected, although
        // 0.039–0.042 are below 0.05 on their own.
        double[] p = {0.042, 0.001, 0.216, 0.060, 0.008, 0.205, 0.039, 0.074, 0.212, 0.041};
        double[] expected = {0.084, 0.010, 0.216, 0.100, 0.040, 0.216, 0.084, 0.074 * 10 / 7, 0.216, 0.084};
        double[] adjusted = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < p.length; i++) assertThat(adjusted[i]).as("p = " + p[i]).isCloseTo(expected[i], within(1e-12));
        long rejected = java.util.Arrays.stream(adjusted).filter(a -> a <= 0.05).count();
        assertThat(rejected).isEqualTo(2);
    }

    @Test
    void tiesShareTheirAdjustedValueAndNothingExceedsOne() {
        // p = 0.02, 0.02, 0.9 (m = 3): i=3: 0.9·3/3 = 0.9; i=2: min(0.9, 0.02·3/2 = 0.03) = 0.03; i=1: min(0.03, 0.06) = 0.03
        assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.02, 0.02})).containsExactly(0.9, 0.03, 0.03);
        // a single large p stays capped at 1
        assertThat(BenjaminiHochberg.adjust(new double[] {1.0, 0.8})).containsExactly(1.0, 1.0);
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    }
}
