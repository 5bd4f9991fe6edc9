package org.perfalert.model;

import java.util.List;

/**
 * What an exception is for the people who receive it (SIGNALS.md 4): a calibrated signal, a threshold
 * crossed (a limit set by policy), or one of the other section-5 exceptions (true of a figure, stored and
 * summarised in the digest). The rule pack says which rule is which (notable.basis.RULE in
 * rules/settings.properties: signal, always, or a statistic).
 */
public enum ExceptionKind {
    SIGNAL, THRESHOLD, EXCEPTION;

    /** The signal rules of the standard pack (SIGNALS.md 2). */
    public static final List<String> STANDARD_SIGNALS = List.of("exceptional-high", "exceptional-low", "sustained-rise",
            "sustained-fall", "year-on-year-rise", "year-on-year-fall");

    /** The threshold rules of the standard pack (CONTRACT.md 5). */
    public static final List<String> STANDARD_THRESHOLDS = List.of("threshold-above", "threshold-below");

    public String id() { return name().toLowerCase(); }

    public static ExceptionKind parse(String s) {
        for (ExceptionKind k : values()) if (k.id().equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown kind \"" + s + "\" (use signal, threshold or exception)");
    }

    /** The kind of a standard rule id, for an exception the rule pack did not judge (e.g. stored before signals existed). */
    public static ExceptionKind ofStandardRule(String rule) {
        return STANDARD_SIGNALS.contains(rule) ? SIGNAL : STANDARD_THRESHOLDS.contains(rule) ? THRESHOLD : EXCEPTION;
    }
}
