package org.perfalert.bench.quality;

import org.perfalert.bench.SyntheticData;
import org.perfalert.model.Area;
import org.perfalert.model.Metric;
import org.perfalert.rules.calibration.Calibration;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.SeriesInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cost of the calibration's whole forward pass at national scale (the benchmark's synthetic
 * England and Wales: 100,050 series × 36 months, counts, rates and percents), in one thread.
 * Prints the median of the runs with min–max and the load average.
 */
public final class CalibrationSpeed {
    private CalibrationSpeed() { }

    /** Every series of the synthetic data as calibration input. */
    static List<SeriesInput> inputs(SyntheticData data) {
        List<SeriesInput> out = new ArrayList<>();
        int first = SeriesInput.monthIndex(data.month(0));
        List<Area> places = data.places();
        data.forEachBlock(b -> {
            Metric metric = b.metric();
            for (int p = 0; p < places.size(); p++)
                out.add(new SeriesInput(metric.id(), metric.isCount(), places.get(p).type(), places.get(p).name(), first,
                        b.values()[p], b.numerators() == null ? null : b.numerators()[p],
                        b.denominators() == null ? null : b.denominators()[p]));
        });
        return out;
    }

    /**
     * Returns {median, min, max} wall-clock seconds of a whole forward pass over the inputs, then the
     * same for the CPU seconds of the whole process (all threads: on a busy machine the fairer figure).
     */
    static double[] time(List<SeriesInput> inputs, int runs, boolean everyMonth) {
        Calibration calibration = new Calibration(inputs, CalibrationSettings.DEFAULTS);
        double[] seconds = new double[runs], cpu = new double[runs];
        long[] signals = new long[1];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = -2; run < runs; run++) { // two warm-up runs
            System.gc();
            long start = System.nanoTime(), cpuStart = os.getProcessCpuTime();
            signals[0] = 0;
            calibration.run(everyMonth ? calibration.firstMonth() : calibration.lastMonth(), calibration.lastMonth(), m -> {
                for (int i = 0; i < m.size(); i++) if (m.anySignal(i)) signals[0]++;
            });
            if (run >= 0) {
                seconds[run] = (System.nanoTime() - start) / 1e9;
                cpu[run] = (os.getProcessCpuTime() - cpuStart) / 1e9;
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  (%,d signals in the months handed over)%n", signals[0]);
        return new double[] {seconds[runs / 2], seconds[0], seconds[runs - 1], cpu[runs / 2], cpu[0], cpu[runs - 1]};
    }

    /** The load average (1, 5, 15 minutes) from /proc/loadavg, or "?" where there is none. */
    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SyntheticData data = new SyntheticData(SyntheticData.national(36));
        List<SeriesInput> inputs = inputs(data);
        System.out.printf(Locale.ROOT, "national: %,d series × 36 months; load average %s%n", inputs.size(), load());
        for (boolean everyMonth : new boolean[] {false, true}) {
            double[] t = time(inputs, runs, everyMonth);
            System.out.printf(Locale.ROOT, "whole forward pass, %s: median %.3f s (%.3f–%.3f, n=%d), CPU time %.3f s (%.3f–%.3f) on %d cores;"
                    + " load average %s%n", everyMonth ? "every month handed over (a backtest)" : "the last month handed over (the service)",
                    t[0], t[1], t[2], runs, t[3], t[4], t[5], Runtime.getRuntime().availableProcessors(), load());
        }
    }
}
