package org.perfalert.rules;

import org.perfalert.config.Catalogue;
import org.perfalert.model.*;
import org.perfalert.rules.calibration.CalibratedMonth;
import org.perfalert.rules.calibration.Calibration;
import org.perfalert.rules.calibration.CalibrationSettings;
import org.perfalert.rules.calibration.Forward;
import org.perfalert.rules.calibration.SeriesInput;

import java.time.YearMonth;
import java.util.*;
import java.util.function.Consumer;

/**
 * Turns observations into the Series facts for a month. Built once over all observations (so a
 * backtest reuses it month after month); observations for metrics or areas that are not configured
 * are ignored, and an observation given again for the same month, metric and area replaces the
 * earlier one. Missing area and force figures of count metrics are derived from their districts
 * (CONTRACT.md 5.1, "Derived totals"): only when every district has a figure; a given figure wins.
 * Each series is kept as a Track (arrays by month) that the month's Series share without copying.
 * The calibrated statistic of every series (SIGNALS.md 1) is computed forward over the same arrays, once
 * per history: months asked in order (a backtest) each cost one month of it; a month before the last one
 * asked starts the run again from the first month, so every month gets the same answer however it is asked.
 */
public final class SeriesBuilder {
    private final Catalogue catalogue;
    private final Map<Id, Track> tracks = new HashMap<>();
    private final List<Entry> sorted = new ArrayList<>(); // in SeriesKey order: the order facts are made in
    private Calibration calibration;                       // over every series, in the order of sorted
    private Forward forward;                               // the run forward that gave the last month asked

    /** One series: its key, metric, place and figures, looked up once rather than per month. */
    private record Entry(SeriesKey key, Metric metric, Area place, Track track) { }

    /**
     * A series' identity as a map key. SeriesKey's own hash adds up its parts' hashes, and the ids of
     * many metrics and areas ("count_012", "District 034") then collide by the thousand; this mixes them.
     */
    private record Id(String metric, AreaType type, String area) {
        static Id of(SeriesKey k) { return new Id(k.metric(), k.areaType(), k.area()); }

        SeriesKey key() { return new SeriesKey(metric, type, area); }

        @Override
        public int hashCode() {
            int h = (metric.hashCode() * 0x9E3779B9 + type.ordinal()) * 0x9E3779B9 + area.hashCode();
            return h ^ (h >>> 16);
        }
    }

    public SeriesBuilder(Collection<Observation> observations, Catalogue catalogue, Areas areas) {
        this(observations::forEach, catalogue, areas);
    }

    /**
     * The history of observations handed over one at a time, e.g. as each file is read, so they need
     * not all be held at once: source gives every observation to the consumer it is passed.
     */
    public SeriesBuilder(Consumer<Consumer<Observation>> source, Catalogue catalogue, Areas areas) {
        this.catalogue = catalogue;
        source.accept(o -> {
            if (!catalogue.contains(o.metric()) || !areas.contains(o.areaType(), o.area())) return;
            tracks.computeIfAbsent(new Id(o.metric(), o.areaType(), o.area()), k -> new Track())
                    .put(Track.index(o.month()), o.value(), o.numerator(), o.denominator());
        });
        deriveTotals(areas);
        Map<SeriesKey, Track> inOrder = new TreeMap<>();
        tracks.forEach((id, track) -> inOrder.put(id.key(), track));
        inOrder.forEach((key, track) -> {
            track.trim();
            sorted.add(new Entry(key, catalogue.get(key.metric()), new Area(key.areaType(), key.area()), track));
        });
    }

    private void deriveTotals(Areas areas) {
        for (Metric metric : catalogue.all()) {
            if (!metric.isCount()) continue;
            for (Area total : areas.all()) {
                if (total.type() == AreaType.DISTRICT) continue;
                List<Track> parts = new ArrayList<>();
                for (String d : areas.districtsUnder(total)) {
                    Track part = tracks.get(new Id(metric.id(), AreaType.DISTRICT, d));
                    if (part == null) { parts = null; break; }
                    parts.add(part);
                }
                if (parts == null || parts.isEmpty()) continue;
                Id key = new Id(metric.id(), total.type(), total.name());
                Track given = tracks.computeIfAbsent(key, k -> new Track());
                months:
                for (int m = parts.get(0).first(); m <= parts.get(0).last(); m++) {
                    if (!parts.get(0).has(m) || given.has(m)) continue;
                    double sum = 0;
                    for (Track part : parts) {
                        double v = part.value(m);
                        if (Double.isNaN(v)) continue months;
                        sum += v;
                    }
                    given.put(m, sum, null, null);
                }
                if (given.isEmpty()) tracks.remove(key);
            }
        }
    }

    /**
     * One series' values for the months from..to that have one, derived totals included (for charts
     * and tables that must show what the rules saw).
     */
    public SortedMap<YearMonth, Double> values(SeriesKey key, YearMonth from, YearMonth to) {
        SortedMap<YearMonth, Double> out = new TreeMap<>();
        Track track = tracks.get(Id.of(key));
        if (track == null) return out;
        for (int m = Track.index(from); m <= Track.index(to); m++)
            if (track.has(m)) out.put(Track.month(m), track.value(m));
        return out;
    }

    /** The latest month with any figure, or empty when there are none. */
    public Optional<YearMonth> latestMonth() {
        return tracks.values().stream().mapToInt(Track::latest).filter(m -> m != Integer.MIN_VALUE).max().stream()
                .mapToObj(Track::month).findFirst();
    }

    /**
     * One Series per (metric, area) with a value at month, holding months up to it only. Their
     * settings are unknown: ask them with explicit windows (averageTest(12) …).
     */
    public List<Series> seriesAt(YearMonth month) { return seriesAt(month, SeriesSettings.NONE); }

    /**
     * As seriesAt(month), with the rule pack's settings for the windows of the Series' properties and
     * each Series' calibration at the month.
     */
    public List<Series> seriesAt(YearMonth month, SeriesSettings settings) {
        int at = Track.index(month);
        if (!hasFiguresAt(month)) return List.of();   // no figure to calibrate (e.g. a month before the data begins)
        CalibratedMonth calibrated = settings.known() ? calibrated(month, settings.calibration()) : null;
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            if (e.track.has(at))
                out.add(new Series(e.metric, e.place, month, e.track, settings, calibrated == null ? null : calibrated.figure(i)));
        }
        return out;
    }

    /**
     * The calibrated statistic of every series at month (positions as the series are sorted), run
     * forward from the first month; the same run goes on for later months, a new one starts for an
     * earlier month or other settings.
     */
    synchronized CalibratedMonth calibrated(YearMonth month, CalibrationSettings settings) {
        if (calibration == null || !calibration.settings().equals(settings)) {
            List<SeriesInput> inputs = new ArrayList<>(sorted.size());
            for (Entry e : sorted)
                inputs.add(e.track.input(e.metric.id(), e.metric.isCount(), e.place.type(), e.place.name()));
            calibration = new Calibration(inputs, settings);
            forward = null;
        }
        int m = Track.index(month);
        if (forward == null || m < forward.next() - 1) forward = calibration.forward();
        return forward.to(m);
    }

    /** Whether any series has a value at month. */
    public boolean hasFiguresAt(YearMonth month) {
        int at = Track.index(month);
        for (Entry e : sorted) if (e.track.has(at)) return true;
        return false;
    }
}
