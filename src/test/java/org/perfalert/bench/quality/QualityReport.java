package org.perfalert.bench.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The alert-quality benchmark's findings as Markdown: the acceptance table first, then the detail. */
final class QualityReport {
    private final ForceModel model;
    private final SimulatedForce force;
    private final NoChange none;
    private final Detection detection;
    private final RealData real;
    private final int replicates, engineReplicates;
    private final long seed;
    private final StringBuilder out = new StringBuilder();

    QualityReport(ForceModel model, SimulatedForce force, NoChange none, Detection detection, RealData real,
                  int replicates, int engineReplicates, long seed) {
        this.model = model;
        this.force = force;
        this.none = none;
        this.detection = detection;
        this.real = real;
        this.replicates = replicates;
        this.engineReplicates = engineReplicates;
        this.seed = seed;
    }

    private void line(String format, Object... args) { out.append(String.format(Locale.ROOT, format, args)).append('\n'); }

    String text(String run) {
        line("# Alert quality, measured");
        line("");
        line("%d replicates (seed %d; %d of them through the rule pack and the alert stages' email plan), %d months each (%s … %s), the last %d evaluated. %s.",
                replicates, seed, engineReplicates, force.months(), force.month(0), force.month(force.months() - 1),
                none.lastEvaluated - none.firstEvaluated + 1, run);
        acceptance();
        signals();
        exceptions();
        detail();
        if (real != null) real();
        simulatedForce();
        return out.toString();
    }

    private void row(String measure, String target, String measured, Boolean met) {
        line("| %s | %s | %s | %s |", measure, target, measured, met == null ? "–" : met ? "met" : "**missed**");
    }

    private void acceptance() {
        line("");
        line("## SIGNALS.md section 5");
        line("");
        line("| measure | target | measured | |");
        line("|---|---|---|---|");
        double fresh = none.per100(none.total(none.newSignals));
        row("no change: new signals per 100 series-months", "≤ 0.5", f2(fresh) + " (all signals " + f2(none.per100(none.total(none.signals))) + ")", fresh <= 0.5);
        double months = 100.0 * none.monthsWithNewSignal / none.forceMonths;
        row("no change: months with any (new) signal", "≤ 30 %", f1(months) + " % (any signal held: " + f1(100.0 * none.monthsWithSignal / none.forceMonths) + " %)", months <= 30);
        double year = none.per100(none.signals[4] + none.signals[5]);
        row("no change: year-on-year signals per 100 series-months", "≤ 0.05", f3(year) + " (new: " + f3(none.per100(none.newSignals[4] + none.newSignals[5])) + ")", year <= 0.05);
        if (!none.rules.isEmpty()) {
            long notable = none.rules.values().stream().mapToLong(t -> t[1]).sum();
            Map.Entry<String, long[]> worst = none.rules.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[1], b.getValue()[1])).orElseThrow();
            double worstRate = 100.0 * worst.getValue()[1] / engineSeriesMonths(), all = 100.0 * notable / engineSeriesMonths();
            row("no change: notable exceptions per 100 series-months, each rule / all", "≤ 3 / ≤ 20",
                    f2(worstRate) + " (" + worst.getKey() + ") / " + f2(all) + "; series-months with any notable exception: "
                            + f2(100.0 * none.figuresWithNotable[0] / engineSeriesMonths()), worstRate <= 3 && all <= 20);
        }
        double[] targets = {0.80, 0.55, 0.60, 0.80, 0.90};
        for (int r = 0; r < detection.rows.size(); r++) {
            Detection.Row d = detection.rows.get(r);
            row(d.name, "≥ " + Math.round(100 * targets[r]) + " %", pct(d.rate()) + " (" + d.caught + " of " + d.planted + "; by chance: "
                    + pct(d.chance()) + ")", d.rate() >= targets[r]);
        }
        if (none.forceMonths > 0 && engineReplicates > 0)
            row("no change: what reaches leads (email plan), per force-month", "–", f2((double) none.itemsEmailed / engineForceMonths())
                    + " items in " + f2((double) none.emails / engineForceMonths()) + " emails; months with any email "
                    + f1(100.0 * none.monthsWithEmail / engineForceMonths()) + " %; at most " + none.mostItemsInAnEmail
                    + " items in one email; series emailed " + f2((double) none.seriesEmailed / engineForceMonths()), null);
        if (real != null) {
            int most = real.months.stream().mapToInt(RealData.Month::seriesEmailed).max().orElse(0);
            row("real police.uk 2025 (samples): series emailed in a month (every series in an emailed item, folded ones too)", "≤ 20",
                    "at most " + most, most <= 20);
            for (String check : real.checks) row("real police.uk 2025: " + check.substring(0, check.indexOf(':')), "emailed",
                    check.substring(check.indexOf(':') + 2), check.contains(": emailed to "));
        }
    }

    private long engineSeriesMonths() { return none.seriesMonths / replicates * engineReplicates; }

    private long engineForceMonths() { return none.forceMonths / replicates * engineReplicates; }

    private void signals() {
        line("");
        line("## No change: signals by rule, per 100 series-months");
        line("");
        line("| rule | new | held (new or continuing) |");
        line("|---|---|---|");
        for (int r = 0; r < 6; r++)
            line("| %s | %s | %s |", Judged.SIGNAL_RULES[r], f3(none.per100(none.newSignals[r])), f3(none.per100(none.signals[r])));
    }

    private void exceptions() {
        if (none.rules.isEmpty()) return;
        line("");
        line("## No change: section-5 exceptions and the notable ones (as the pack judged them; then at other notable.min-z), per 100 series-months");
        line("");
        StringBuilder head = new StringBuilder("| rule | exceptions | notable |"), rule = new StringBuilder("|---|---|---|");
        for (double z : NoChange.OTHER_MIN_Z) { head.append(" notable at min-z ").append(z).append(" |"); rule.append("---|"); }
        line("%s", head);
        line("%s", rule);
        long[] all = new long[2 + NoChange.OTHER_MIN_Z.length];
        for (Map.Entry<String, long[]> e : none.rules.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (int j = 0; j < all.length; j++) {
                row.append(' ').append(f2(100.0 * e.getValue()[j] / engineSeriesMonths())).append(" |");
                all[j] += e.getValue()[j];
            }
            line("%s", row);
        }
        StringBuilder total = new StringBuilder("| **all** |"), figures = new StringBuilder("| series-months with any notable exception | |");
        for (int j = 0; j < all.length; j++) total.append(" **").append(f2(100.0 * all[j] / engineSeriesMonths())).append("** |");
        for (long f : none.figuresWithNotable) figures.append(' ').append(f2(100.0 * f / engineSeriesMonths())).append(" |");
        line("%s", total);
        line("%s", figures);
    }

    private void detail() {
        line("");
        line("## Planted changes");
        line("");
        line("Each change is planted in turn in every replicate, its first month the replicate's number mod 12 after the history (so every calendar month starts some); \"by chance\": the same series and months without the change.");
        line("");
        line("| change | planted | caught | by chance |");
        line("|---|---|---|---|");
        for (Detection.Row d : detection.rows) line("| %s | %d | %s | %s |", d.name, d.planted, pct(d.rate()), pct(d.chance()));
    }

    private void real() {
        line("");
        line("## police.uk 2025, month by month (the sample, read as the service reads it; rule pack and email plan)");
        line("");
        line("Before this change (the last session's closing note): 85–245 section-5 exceptions a month, every new concern");
        line("of high or medium severity emailed, the crime lead's 10-item cap hit in 10 of 12 months.");
        line("");
        line("| month | section-5 exceptions | notable | new signals (exceptional-high / -low, sustained-rise / -fall, year-on-year-rise / -fall) | emails: items per lead | held for the digest (over 10) | series emailed |");
        line("|---|---|---|---|---|---|---|");
        for (RealData.Month m : real.months) {
            int[] n = m.newSignals();
            line("| %s | %d | %d | %d (%d / %d, %d / %d, %d / %d) | %s | %d | %d |", m.month(), m.exceptions(), m.notable(),
                    Arrays.stream(n).sum(), n[0], n[1], n[2], n[3], n[4], n[5],
                    m.emails().isEmpty() ? "none" : String.join(", ", m.emails().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()),
                    m.held(), m.seriesEmailed());
        }
        line("");
        for (String check : real.checks) line("- %s", check);
        line("");
        line("<details><summary>The new signals, month by month</summary>");
        line("");
        for (RealData.Month m : real.months) line("- %s: %s", m.month(), m.signalled().isEmpty() ? "none" : String.join("; ", m.signalled()));
        line("");
        line("</details>");
    }

    private void simulatedForce() {
        line("");
        line("## The simulated force (estimated from samples/policeuk)");
        line("");
        line("| crime type | force mean | district means | season max/min | α shared | α own (median) | force dispersion Var/mean |");
        line("|---|---|---|---|---|---|---|");
        for (int t = 0; t < model.types().size(); t++) {
            double[] means = model.mean()[t], own = model.ownAlpha()[t].clone();
            Arrays.sort(own);
            double[] s = model.season()[t];
            line("| %s | %.0f | %.0f–%.0f | %.2f | %.4f | %.4f | %.2f |", model.types().get(t), model.forceMean(t),
                    Arrays.stream(means).min().orElse(0), Arrays.stream(means).max().orElse(0),
                    Arrays.stream(s).max().orElse(1) / Arrays.stream(s).min().orElse(1), model.sharedAlpha()[t],
                    (own[own.length / 2] + own[(own.length - 1) / 2]) / 2, forceDispersion(t));
        }
    }

    /** Var/mean of a type's force series at S = 1: Σμ + Σ_d μ_d²((1+αs)(1+αd) − 1) + Σ_{d≠e} μ_d μ_e αs, over Σμ. */
    private double forceDispersion(int t) {
        double[] mu = model.mean()[t];
        double sum = 0, variance = 0;
        for (int d = 0; d < mu.length; d++) {
            sum += mu[d];
            variance += mu[d] + mu[d] * mu[d] * ((1 + model.sharedAlpha()[t]) * (1 + model.ownAlpha()[t][d]) - 1);
            for (int e = 0; e < mu.length; e++) if (e != d) variance += mu[d] * mu[e] * model.sharedAlpha()[t];
        }
        return variance / sum;
    }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    private static String f2(double v) { return String.format(Locale.ROOT, "%.2f", v); }
    private static String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }
    private static String pct(double v) { return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v); }

}
