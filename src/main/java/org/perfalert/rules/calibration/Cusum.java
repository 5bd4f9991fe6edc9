package org.perfalert.rules.calibration;

import java.util.Arrays;

/**
 * Page's two one-sided CUSUMs on z for every series (SIGNALS.md 2, S2), run forward month by month:
 * C⁺(m) = max(0, C⁺ + z(m) − k), C⁻(m) = max(0, C⁻ − z(m) − k). A month the CUSUM does not run in
 * (no z, or E below the minimum) leaves both unchanged. C > h is a signal at that month, and that
 * side starts again from 0 the month after. since = the first month of the current climb: the first
 * month the CUSUM ran after the last month that side was 0 (0 before the first month it ran).
 */
final class Cusum {
    private final double k, h;
    private final double[] up, down;
    private final int[] sinceUp, sinceDown;

    Cusum(int series, double k, double h) {
        this.k = k;
        this.h = h;
        up = new double[series];
        down = new double[series];
        sinceUp = new int[series];
        sinceDown = new int[series];
        Arrays.fill(sinceUp, CalibratedMonth.NONE);
        Arrays.fill(sinceDown, CalibratedMonth.NONE);
    }

    /** One month for series i: its C⁺, C⁻ (before any reset) and their since go into out; returns the signal bits. */
    int step(int i, int month, double z, CalibratedMonth out) {
        int fired = 0;
        double u = Math.max(0, up[i] + z - k);
        sinceUp[i] = u == 0 ? CalibratedMonth.NONE : up[i] == 0 ? month : sinceUp[i];
        out.cusumUp[i] = u;
        out.sinceUp[i] = sinceUp[i];
        if (u > h) { fired |= CalibratedMonth.SUSTAINED_RISE; u = 0; sinceUp[i] = CalibratedMonth.NONE; }
        up[i] = u;

        double d = Math.max(0, down[i] - z - k);
        sinceDown[i] = d == 0 ? CalibratedMonth.NONE : down[i] == 0 ? month : sinceDown[i];
        out.cusumDown[i] = d;
        out.sinceDown[i] = sinceDown[i];
        if (d > h) { fired |= CalibratedMonth.SUSTAINED_FALL; d = 0; sinceDown[i] = CalibratedMonth.NONE; }
        down[i] = d;
        return fired;
    }
}
