package org.perfalert.rules.calibration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StudentTTest {
    /** Quantiles from a table of Student's t: P(T_ν > t) = tail. */
    @ParameterizedTest(name = "P(T{1} > {0}) = {2}")
    @CsvSource({
            "1.943180, 6, 0.05",
            "2.228139, 10, 0.025",
            "1.739607, 17, 0.05",
            "2.749996, 30, 0.005",
            "3.965126, 17, 0.0005",
            "12.706205, 1, 0.025",
            "6.313752, 1, 0.05",
    })
    void upperTailMatchesTables(double t, double df, double tail) {
        assertThat(StudentT.upperTail(t, df)).isCloseTo(tail, within(tail * 2e-6));
        assertThat(StudentT.upperTail(-t, df)).isCloseTo(1 - tail, within(tail * 2e-6));
    }

    @Test
    void theCentreAndTheFarTail() {
        assertThat(StudentT.upperTail(0, 6)).isEqualTo(0.5);
        // ν = 2 has a closed form: P(T > t) = ½·(1 − t/√(t² + 2)) = 1/(√(t² + 2)·(√(t² + 2) + t)) without cancellation
        double t = 100, exact = 1 / (Math.sqrt(t * t + 2) * (Math.sqrt(t * t + 2) + t));
        assertThat(StudentT.upperTail(t, 2)).isCloseTo(exact, within(exact * 1e-10));
        // ν = 1 (Cauchy): P(T > t) = ½ − atan(t)/π; t = 0.5
        assertThat(StudentT.upperTail(0.5, 1)).isCloseTo(0.5 - Math.atan(0.5) / Math.PI, within(1e-13));
    }

    /** The finite series and the continued fraction agree where both apply (whole ν, tails from 1e-4 up). */
    @Test
    void theSeriesAndTheContinuedFractionAgree() {
        for (int nu = 1; nu <= 40; nu++)
            for (double t = 0.05; t < 6; t += 0.05) {
                double series = StudentT.seriesTail(t, nu);
                if (series < 1e-4) continue;
                double x = nu / (nu + t * t), fraction = 0.5 * StudentT.betaRegularized(nu / 2.0, 0.5, x, 1 - x,
                        StudentT.logBeta(nu / 2.0, 0.5));
                assertThat(series).as("ν = %d, t = %.2f", nu, t).isCloseTo(fraction, within(fraction * 1e-10));
            }
    }

    @Test
    void logGammaAtKnownPoints() {
        assertThat(StudentT.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(StudentT.logGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
        assertThat(StudentT.logGamma(3)).isCloseTo(Math.log(2), within(1e-13));
        assertThat(StudentT.logGamma(25.5)).isCloseTo(56.389167643719944, within(1e-11));
    }
}
