package org.perfalert.alerts;

import org.perfalert.model.PerformanceException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Whether a silence holds an exception back from email: a pure function of the exception, silences and day. */
public final class Silences {
    private Silences() { }

    /** The first silence in force on {@code today} that matches the exception, if any. */
    public static Optional<Silence> matching(PerformanceException e, Collection<Silence> silences, LocalDate today) {
        return silences.stream()
                .filter(s -> !today.isAfter(s.endsOn()))
                .filter(s -> matches(s.metricPattern(), e.metric())
                        && matches(s.areaPattern(), e.area())
                        && matches(s.rulePattern(), e.rule()))
                .findFirst();
    }

    /** Glob match, case-insensitive: '*' stands for any run of characters, everything else is literal. */
    public static boolean matches(String pattern, String value) {
        String re = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(re, Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }
}
