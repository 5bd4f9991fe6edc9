package org.perfalert.model;

/**
 * The calibrated statistic of an exception's figure (SIGNALS.md 3, the `calibrated` member): the expected
 * value E, the dispersion φ, the one-month z and the year-on-year z_year; null where not computable.
 */
public record Calibrated(Double expected, Double phi, Double z, Double zYear) {
    /** Nothing computable (no figure, or too little history). */
    public static final Calibrated NONE = new Calibrated(null, null, null, null);
}
