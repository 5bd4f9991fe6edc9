package org.perfalert.rules;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles the .drl files of a rule folder at run time (classic Drools, so problems are reported at
 * the analyst's file and line), together with its settings.properties. Nothing is taken from the jar:
 * an edited rule takes effect at the next compile.
 * <p>
 * A compile takes most of a small command's time, so the files are compiled in two halves side by
 * side and their packages put together; if either half has a problem (or its rules use another
 * file's), the folder is compiled whole, and that build's problems are the ones reported.
 */
public final class RuleCompiler {
    private static final String VIRTUAL_DIR = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() { }

    /** The compiled rule base, or RuleProblems listing every problem as FILE:LINE:COLUMN: message. Always compiles. */
    public static RuleBase compile(Path rulesDir) throws RuleProblems { return compile(RuleFolder.read(rulesDir)); }

    /** The rule files of a folder with the settings of another file (a changed copy of settings.properties). */
    public static RuleBase compile(Path rulesDir, Path settingsFile) throws RuleProblems {
        return compile(RuleFolder.read(rulesDir, settingsFile));
    }

    static RuleBase compile(RuleFolder folder) throws RuleProblems {
        List<String> problems = new ArrayList<>(folder.problems());
        Map<String, String> shown = new HashMap<>();
        for (var e : folder.files().entrySet()) {
            String name = e.getKey(), unreadable = folder.unreadable().get(name);
            if (unreadable != null) { problems.add(unreadable); continue; }
            shown.put(name, e.getValue().toString());
            SettingsInRules.check(e.getValue(), folder.sources().get(name), folder.settings(), problems);
        }
        Map<String, String> sources = folder.sources();
        KieBase base = problems.isEmpty() ? inHalves(sources) : null;
        if (base == null) {
            Build whole = build(sources);
            problems.addAll(whole.problems(sources, shown, folder.dir().toString()));
            if (!problems.isEmpty()) throw new RuleProblems(problems);
            base = whole.base;
        }
        return ruleBase(base, folder);
    }

    /** A knowledge base of compiled packages (from the cache) with perfalert's configuration, as a compile makes. */
    static KieBase knowledgeBase(Collection<KiePackage> packages) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration());
        base.addPackages(packages);
        return base;
    }

    /** The rule base of compiled packages of the folder (compiled now, or from the cache). */
    static RuleBase ruleBase(KieBase base, RuleFolder folder) {
        List<String> ids = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) for (Rule r : p.getRules()) ids.add(r.getName());
        Collections.sort(ids);
        RuleSettings settings = folder.settings();
        Map<String, RuleSource> where = new HashMap<>();
        folder.sources().forEach((name, text) -> RuleSource.of(folder.files().get(name).toString(), text, settings).forEach(r -> where.put(r.id(), r)));
        return new RuleBase(base, settings, ids, Map.copyOf(where));
    }

    /** The files in two halves compiled side by side, or null when either has a problem (or there is one core). */
    private static KieBase inHalves(Map<String, String> sources) {
        if (sources.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) return null;
        Map<String, String> first = new TreeMap<>(), second = new TreeMap<>();
        long size = 0, half = sources.values().stream().mapToLong(String::length).sum() / 2;
        for (var e : sources.entrySet()) { // alphabetical, cut near half the text
            (size < half ? first : second).put(e.getKey(), e.getValue());
            size += e.getValue().length();
        }
        if (second.isEmpty()) return null;
        CompletableFuture<Build> other = CompletableFuture.supplyAsync(() -> build(second));
        Build one = build(first), two = other.join();
        if (one.base == null || two.base == null) return null;
        List<KiePackage> both = new ArrayList<>(one.base.getKiePackages());
        both.addAll(two.base.getKiePackages());
        KieBase whole = knowledgeBase(both);
        // a rule name used in both halves of one package would silently be one rule: the whole build says so
        return rules(whole) == rules(one.base) + rules(two.base) ? whole : null;
    }

    private static int rules(KieBase base) { return base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(); }

    /** One Drools build of some files: the knowledge base, or null with the build's error messages. */
    private record Build(KieBase base, List<Message> errors) {
        List<String> problems(Map<String, String> sources, Map<String, String> shown, String folder) {
            List<String> out = new ArrayList<>();
            for (Message m : errors)
                if (!m.getText().contains("Parser returned a null Package")) // follows a syntax error already reported
                    out.add(ProblemLocator.describe(m, sources, shown, folder));
            if (out.isEmpty()) errors.forEach(m -> out.add(ProblemLocator.describe(m, sources, shown, folder)));
            return onePerPlace(out);
        }
    }

    /** Drools often says one thing two or three ways at one line (or a second thing that follows from it): the first is kept. */
    private static List<String> onePerPlace(List<String> problems) {
        Map<String, String> byPlace = new LinkedHashMap<>();
        for (String p : problems) {
            java.util.regex.Matcher m = PLACE.matcher(p);
            byPlace.putIfAbsent(m.find() ? m.group() : p, p);
        }
        return new ArrayList<>(byPlace.values());
    }

    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile("^.*?:\\d+:");

    private static Build build(Map<String, String> sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.perfalert.rules", "analysts-rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        sources.forEach((name, text) -> kfs.write(VIRTUAL_DIR + name, text));
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) return new Build(null, errors);
            return new Build(ks.newKieContainer(id).newKieBase(configuration()), List.of());
        } finally {
            ks.getRepository().removeKieModule(id); // so repeated compiles do not pile up
        }
    }

    private static KieBaseConfiguration configuration() {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        conf.setOption(ConsequenceExceptionHandlerOption.get(ReportingHandler.class));
        return conf;
    }
}
