package org.perfalert.bench.quality;

import org.perfalert.model.Area;
import org.perfalert.model.AreaType;
import org.perfalert.model.Areas;
import org.perfalert.rules.calibration.SeriesInput;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded simulated forces (SIGNALS.md 5) from a {@link ForceModel}: each crime type's district counts
 * drawn month by month, policeuk.all_crime as the sum of the types it covers, areas and the force as
 * sums of their districts: 15 metrics × (force, 2 areas, 6 districts) = 135 series. The same seed
 * always gives the same force. Every district series draws from its own random streams (one for its
 * own variation, one for the Poisson count) and each type's shared factor from another, so a change
 * planted in one series leaves every other series — and its own months before the change — as they were.
 */
final class SimulatedForce {
    /** A planted change: type (or ALL_TYPES: every type of all_crime), district (or ALL_DISTRICTS), from month start. */
    record Change(int type, int district, int start, boolean ramp, double factor) {
        static final int ALL_TYPES = -1, ALL_DISTRICTS = -1;

        boolean covers(int t, int d, ForceModel model) {
            return (type == ALL_TYPES ? model.inAllCrime(t) : type == t) && (district == ALL_DISTRICTS || district == d);
        }

        /** The multiplier of month m: 1 before start, then factor (step) or a straight climb to it over 12 months (ramp). */
        double at(int m) {
            if (m < start) return 1;
            return ramp ? 1 + (factor - 1) * Math.min(1, (m - start + 1) / 12.0) : factor;
        }
    }

    /** One simulated force: the district counts [type][district][month] of a seed. */
    record Replicate(long seed, double[][][] counts) { }

    private final ForceModel model;
    private final Areas areas;
    private final int months, first;

    SimulatedForce(ForceModel model, Areas areas, YearMonth first, int months) {
        this.model = model;
        this.areas = areas;
        this.months = months;
        this.first = SeriesInput.monthIndex(first);
    }

    int months() { return months; }

    YearMonth month(int m) { return SeriesInput.month(first + m); }

    /** A force with no change. */
    Replicate draw(long seed) {
        int k = model.types().size(), nd = model.districts().size();
        double[][][] counts = new double[k][nd][];
        for (int t = 0; t < k; t++) {
            double[] shared = sharedFactors(seed, t);
            for (int d = 0; d < nd; d++) counts[t][d] = district(seed, t, d, shared, null);
        }
        return new Replicate(seed, counts);
    }

    /** The same force with a change planted: only the series it covers are drawn again. */
    Replicate with(Replicate base, Change change) {
        double[][][] counts = new double[base.counts.length][][];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = base.counts[t].clone();
            double[] shared = null;
            for (int d = 0; d < counts[t].length; d++) {
                if (!change.covers(t, d, model)) continue;
                if (shared == null) shared = sharedFactors(base.seed, t);
                counts[t][d] = district(base.seed, t, d, shared, change);
            }
        }
        return new Replicate(base.seed, counts);
    }

    private double[] sharedFactors(long seed, int type) {
        SplittableRandom r = stream(seed, type, -1, 0);
        double[] g = new double[months];
        for (int m = 0; m < months; m++) g[m] = Draws.gammaWithMeanOne(r, model.sharedAlpha()[type]);
        return g;
    }

    private double[] district(long seed, int t, int d, double[] shared, Change change) {
        SplittableRandom own = stream(seed, t, d, 1), count = stream(seed, t, d, 2);
        double[] x = new double[months];
        for (int m = 0; m < months; m++) {
            double h = Draws.gammaWithMeanOne(own, model.ownAlpha()[t][d]);
            double mean = model.mean()[t][d] * model.season()[t][Math.floorMod(first + m, 12)] * shared[m] * h;
            x[m] = Draws.poisson(count, change == null ? mean : mean * change.at(m));
        }
        return x;
    }

    private static SplittableRandom stream(long seed, int type, int district, int kind) {
        long h = seed;
        for (long part : new long[] {type, district, kind}) h = Draws.mix(h * 31 + part);
        return new SplittableRandom(h);
    }

    /** A series of the simulated force: where it sits in {@link #series}. */
    record Key(String metric, int type, Area place) { }

    /** The 135 series' keys in the order of {@link #series}: all_crime then each type; force, areas, districts. */
    List<Key> keys() {
        List<Key> out = new ArrayList<>();
        for (int t = -1; t < model.types().size(); t++)
            for (Area place : areas.all())
                out.add(new Key(t < 0 ? "policeuk.all_crime" : ForceModel.metricOf(model.types().get(t)), t, place));
        return out;
    }

    /** The 135 series of a replicate, as calibration input. */
    List<SeriesInput> series(Replicate r) {
        List<SeriesInput> out = new ArrayList<>();
        for (Key key : keys()) {
            double[] v = new double[months];
            for (int t = 0; t < model.types().size(); t++) {
                if (key.type() >= 0 ? t != key.type() : !model.inAllCrime(t)) continue;
                for (int d = 0; d < model.districts().size(); d++) {
                    if (!under(key.place(), model.districts().get(d))) continue;
                    for (int m = 0; m < months; m++) v[m] += r.counts[t][d][m];
                }
            }
            out.add(SeriesInput.count(key.metric(), key.place().type(), key.place().name(), first, v));
        }
        return out;
    }

    private boolean under(Area place, String district) {
        return switch (place.type()) {
            case FORCE -> true;
            case AREA -> areas.districtsOf(place.name()).contains(district);
            case DISTRICT -> place.name().equals(district);
        };
    }

    /** The mean of a series with no change (its season averages 1). */
    double mean(Key key) {
        double sum = 0;
        for (int t = 0; t < model.types().size(); t++) {
            if (key.type() >= 0 ? t != key.type() : !model.inAllCrime(t)) continue;
            for (int d = 0; d < model.districts().size(); d++)
                if (under(key.place(), model.districts().get(d))) sum += model.mean()[t][d];
        }
        return sum;
    }

    static boolean isDistrict(Key key) { return key.place().type() == AreaType.DISTRICT; }
}
