package org.perfalert.rules;

import org.perfalert.model.AreaType;
import org.perfalert.model.Areas;

import java.util.List;
import java.util.Map;

/**
 * explain's words for the rules that compare several series of a month, one entry per rule (the
 * condition of a one-series rule is worded from its own text instead). Each entry's verdict is tested
 * against the engine's answer over the police.uk samples.
 */
final class AcrossRules {
    /** One rule's words: the figure, the month's series, the configured areas. */
    interface Words { Explanation.Verdict of(Series figure, List<Series> month, Areas areas); }

    private static final Map<String, Words> WORDS = Map.of(
            "only-district-increase", (s, month, areas) -> onlyDistrict(s, month, areas, +1),
            "only-district-decrease", (s, month, areas) -> onlyDistrict(s, month, areas, -1),
            "all-districts-increase", (s, month, areas) -> every(s, month, areas, AreaType.DISTRICT, +1),
            "all-districts-decrease", (s, month, areas) -> every(s, month, areas, AreaType.DISTRICT, -1),
            "all-areas-increase", (s, month, areas) -> every(s, month, areas, AreaType.AREA, +1),
            "all-areas-decrease", (s, month, areas) -> every(s, month, areas, AreaType.AREA, -1));

    private AcrossRules() { }

    static boolean knows(String rule) { return WORDS.containsKey(rule); }

    static Explanation.Verdict explain(String rule, Series figure, List<Series> month, Areas areas) { return WORDS.get(rule).of(figure, month, areas); }

    /** The only district whose 12-month total moved one way year on year while the force's moved the other. */
    private static Explanation.Verdict onlyDistrict(Series s, List<Series> month, Areas areas, int sign) {
        String way = sign > 0 ? "an increase" : "a decrease";
        if (s.getLevel() != AreaType.DISTRICT) return new Explanation.Verdict(false, "only districts are compared (this is a " + s.getLevel().id() + ")");
        if (!s.isCounted()) return new Explanation.Verdict(false, "only counts are compared");
        Series force = month.stream().filter(x -> x.getLevel() == AreaType.FORCE && x.getMetricId().equals(s.getMetricId())).findFirst().orElse(null);
        if (force == null || force.getYearOnYearChange() == null)
            return new Explanation.Verdict(false, "the force's year-on-year change cannot be worked out");
        List<Series> districts = month.stream().filter(x -> x.getLevel() == AreaType.DISTRICT && x.getMetricId().equals(s.getMetricId())).toList();
        String forceChange = "the force's 12-month total changed by " + Wording.signedPercent(force.getYearOnYearChangePct()) + " (" + signed(force.getYearOnYearChange()) + ")";
        if (Math.signum(force.getYearOnYearChange()) != -sign) return new Explanation.Verdict(false, forceChange + ", not " + (sign > 0 ? "a decrease" : "an increase"));
        long known = districts.stream().filter(x -> x.getYearOnYearChange() != null).count();
        int all = areas.districts().size();
        if (known < all || s.getYearOnYearChange() == null) return new Explanation.Verdict(false, "not every district's year-on-year change can be worked out");
        List<String> moving = districts.stream().filter(x -> Math.signum(x.getYearOnYearChange()) == sign).map(Series::getArea).toList();
        String mine = s.getArea() + "'s changed by " + signed(s.getYearOnYearChange());
        boolean holds = moving.size() == 1 && moving.get(0).equals(s.getArea());
        return new Explanation.Verdict(holds, forceChange + "; " + mine + "; districts with " + way + ": "
                + (moving.isEmpty() ? "none" : String.join(", ", moving)) + (holds ? "" : " (it must be this one alone)"));
    }

    /** Every district (or every area, when not every district) moved one way year on year; said on the force's figure. */
    private static Explanation.Verdict every(Series s, List<Series> month, Areas areas, AreaType level, int sign) {
        if (s.getLevel() != AreaType.FORCE) return new Explanation.Verdict(false, "said of the force's figure only (this is a " + s.getLevel().id() + ")");
        if (!s.isCounted() || s.getYearOnYearChange() == null) return new Explanation.Verdict(false, "the force's year-on-year change cannot be worked out");
        int all = level == AreaType.DISTRICT ? areas.districts().size() : areas.areaNames().size();
        List<String> moving = moving(s, month, AreaType.DISTRICT, sign), areasMoving = moving(s, month, AreaType.AREA, sign);
        List<String> these = level == AreaType.DISTRICT ? moving : areasMoving;
        boolean everyDistrict = moving.size() == areas.districts().size();
        boolean holds = all >= 2 && these.size() == all && (level == AreaType.DISTRICT || !everyDistrict);
        String places = level == AreaType.DISTRICT ? "districts" : "areas";
        return new Explanation.Verdict(holds, these.size() + " of " + all + " " + places + " recorded " + (sign > 0 ? "an increase" : "a decrease")
                + (these.isEmpty() ? "" : " (" + String.join(", ", these) + ")")
                + (level == AreaType.AREA && everyDistrict ? "; every district did too, which all-districts says instead" : ""));
    }

    private static List<String> moving(Series s, List<Series> month, AreaType level, int sign) {
        return month.stream().filter(x -> x.getLevel() == level && x.getMetricId().equals(s.getMetricId()) && x.getYearOnYearChange() != null
                && Math.signum(x.getYearOnYearChange()) == sign).map(Series::getArea).toList();
    }

    private static String signed(double v) { return (v > 0 ? "+" : "") + Wording.whole(v); }
}
