package org.perfalert.digest;

import java.time.*;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ISO week (Monday to Sunday) in the digest's time zone: what a digest covers. Written 2025-W48.
 */
public record DigestWeek(int year, int week, ZoneId zone) {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    public DigestWeek {
        LocalDate probe = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks)
            throw new IllegalArgumentException("week " + week + " does not exist in " + year + " (it has " + weeks + " ISO weeks)");
    }

    /** Parses YYYY-Www, e.g. 2025-W48. */
    public static DigestWeek parse(String text, ZoneId zone) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches())
            throw new IllegalArgumentException("week \"" + text + "\" is not an ISO week (write it as YYYY-Www, e.g. 2025-W48)");
        return new DigestWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), zone);
    }

    /** The week a day falls in. */
    public static DigestWeek containing(LocalDate day, ZoneId zone) {
        return new DigestWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), zone);
    }

    /** The last week that has ended by now: the week before the one we are in. */
    public static DigestWeek lastComplete(Clock clock, ZoneId zone) {
        return containing(LocalDate.ofInstant(clock.instant(), zone).minusWeeks(1), zone);
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1).with(IsoFields.WEEK_BASED_YEAR, year).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() { return monday().plusDays(6); }

    /** Monday 00:00 in the zone. */
    public Instant start() { return monday().atStartOfDay(zone).toInstant(); }

    /** The next Monday 00:00 in the zone (exclusive). */
    public Instant end() { return monday().plusDays(7).atStartOfDay(zone).toInstant(); }

    public DigestWeek previous() { return containing(monday().minusWeeks(1), zone); }

    /** "Monday 24 November 2025 to Sunday 30 November 2025". */
    public String period() { return monday().format(DAY) + " to " + sunday().format(DAY); }

    @Override
    public String toString() { return String.format("%04d-W%02d", year, week); }
}
