package org.perfalert.pull;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The months one pull asks for, from and to inclusive. */
public record PullWindow(YearMonth from, YearMonth to) {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public PullWindow {
        if (to.isBefore(from)) throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
    }

    /** The n complete months before the current month in London (n = 1: last month). */
    public static PullWindow recent(int n, Clock clock) {
        YearMonth last = YearMonth.now(clock.withZone(LONDON)).minusMonths(1);
        return new PullWindow(last.minusMonths(n - 1L), last);
    }

    public static PullWindow of(YearMonth month) { return new PullWindow(month, month); }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.add(m);
        return out;
    }

    /** "2025-03", or "2025-01_2025-03" for several months (used in staging file names). */
    public String label() { return from.equals(to) ? from.toString() : from + "_" + to; }

    @Override
    public String toString() { return from.equals(to) ? from.toString() : from + " to " + to; }
}
