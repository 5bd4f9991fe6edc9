package org.perfalert.bench;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a flight recording's execution samples were doing: by phase, the hottest methods, the first
 * perfalert frame on each stack, and the share spent inside Drools, in the rules' Java and in
 * writing the exceptions. Run alone: JfrSummary FILE.jfr [OUT.md]
 */
final class JfrSummary {
    private JfrSummary() { }

    public static void main(String[] args) throws Exception {
        summarize(Path.of(args[0]), new Report(System.out, Path.of(args.length > 1 ? args[1] : "target/bench/profile.md")));
    }

    static void summarize(Path jfr, Report report) throws Exception {
        Map<String, Integer> self = new HashMap<>(), ours = new HashMap<>(), phase = new HashMap<>(), where = new HashMap<>(), step = new HashMap<>();
        int samples = 0;
        for (var e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) continue;
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            String first = frames.stream().map(JfrSummary::name).filter(n -> n.startsWith("org.perfalert")).findFirst().orElse("(none)");
            ours.merge(first, 1, Integer::sum);
            boolean evaluating = frames.stream().anyMatch(f -> name(f).startsWith("org.perfalert.rules.Evaluator.evaluate"));
            boolean building = frames.stream().anyMatch(f -> name(f).startsWith("org.perfalert.rules.SeriesBuilder.<init>"));
            phase.merge(evaluating ? "evaluating a month" : building ? "building the history" : "other (generating data, compiling, baseline, GC helpers)", 1, Integer::sum);
            if (evaluating) where.merge(within(first), 1, Integer::sum);
            step.merge(step(frames), 1, Integer::sum);
        }
        report.line("- profile: %,d execution samples", samples);
        top(report, step, samples, "by step of a command (the innermost step on the stack)", 8);
        top(report, phase, samples, "by phase", 5);
        top(report, where, samples, "within the evaluation, by the first perfalert frame on the stack", 6);
        top(report, self, samples, "hottest methods (self)", 12);
        top(report, ours, samples, "first perfalert frame on the stack", 12);
    }

    /** The step of a command a sample is in: the innermost of these on its stack. */
    private static String step(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("org.perfalert.cli.ExceptionOutput")) return "writing the output (ExceptionOutput)";
            if (n.startsWith("org.perfalert.ingest.")) return "reading and checking the files (ingest)";
            if (n.startsWith("org.perfalert.rules.RuleCompiler")) return "compiling the rules (RuleCompiler)";
            if (n.startsWith("org.perfalert.rules.Evaluator.evaluate")) return "evaluating the months (Evaluator)";
            if (n.startsWith("org.perfalert.rules.SeriesBuilder")) return "building the history (SeriesBuilder)";
            if (n.startsWith("org.perfalert.config.")) return "reading the configuration";
        }
        return "other: start-up, command line, JVM (and, in the benchmark, generating data)";
    }

    /** Where an evaluation sample was: Drools itself, the rules' questions, or writing exceptions. */
    private static String within(String first) {
        if (first.startsWith("org.perfalert.rules.Evaluator")) return "Drools itself (insert, match, agenda, MVEL; Evaluator is the first perfalert frame)";
        if (first.matches(".*(Wording|headline|getValueText|format|Alerts|Evidence|PerformanceException|RuleSettings.severity).*"))
            return "writing the exceptions (headlines, evidence, sorting)";
        if (first.startsWith("org.perfalert.rules.SeriesBuilder") || first.contains("Series.<init>")) return "making the month's Series facts";
        return "the rules' questions (Series, Track, XmrChart, Tests, settings)";
    }

    private static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }

    private static void top(Report report, Map<String, Integer> counts, int samples, String title, int n) {
        report.line("  - %s:", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> report.line("    - %.1f%% %s", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
