package org.perfalert.rules.calibration;

/**
 * A calibration run forward from its first month, as far as it is asked: {@link #to(int)} computes
 * every month up to the one asked (each once) and returns that month's result. A run's months are
 * asked in order (a backtest, or one month alone); asking for an earlier month than the last one
 * needs a new run. Only the months asked are kept as results; the months between reuse one buffer.
 * The state a month leaves for the next (z of each figure, the months φ leaves out, the CUSUMs) is
 * the same however the months are asked, so a month alone equals the same month in a backtest.
 */
public final class Forward {
    private final Calibration calibration;
    private final Calibration.History history;
    private final Cusum cusum;
    private final Signals.Family family;
    private final CountStatistic[] counts;
    private CalibratedMonth work;   // reused for the months not asked for
    private CalibratedMonth last;   // the last month asked for
    private int next;               // the next month to compute

    Forward(Calibration calibration) {
        this.calibration = calibration;
        int n = calibration.series().size(), first = calibration.firstMonth();
        this.history = new Calibration.History(first, calibration.lastMonth() - first + 1, n);
        this.cusum = new Cusum(n, calibration.settings().cusumK(), calibration.settings().cusumH());
        this.family = new Signals.Family(2 * n);
        this.counts = new CountStatistic[calibration.slices()];
        for (int c = 0; c < counts.length; c++) counts[c] = new CountStatistic(calibration.settings());
        this.next = first;
    }

    /**
     * Month M's result (a month index), after computing every month before it not yet computed. A month
     * outside the data gives a month where no series has a figure.
     *
     * @throws IllegalStateException when M is before a month already computed (start a new run)
     */
    public CalibratedMonth to(int month) {
        if (last != null && last.month() == month) return last;
        if (month < next) throw new IllegalStateException("month " + SeriesInput.month(month) + " is before the month this run reached, "
                + SeriesInput.month(next - 1) + ": a run goes forward only");
        if (month < calibration.firstMonth() || month > calibration.lastMonth())
            return new CalibratedMonth(history, month, calibration.series());
        for (; next < month; next++) {
            work = work == null ? new CalibratedMonth(history, next, calibration.series()) : work.clear(next);
            calibration.month(next, work, counts, cusum, history, family);
        }
        last = new CalibratedMonth(history, month, calibration.series());
        calibration.month(month, last, counts, cusum, history, family);
        next = month + 1;
        return last;
    }

    /** The next month this run would compute. */
    public int next() { return next; }
}
