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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Compiles the .drl files of a rule folder at run time (classic Drools, so problems are reported at
 * the analyst's file and line), together with its settings.properties. Nothing is taken from the jar:
 * an edited rule takes effect at the next compile.
 */
public final class RuleCompiler {
    private static final String VIRTUAL_DIR = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() { }

    /** The compiled rule base, or RuleProblems listing every problem as FILE:LINE:COLUMN: message. */
    public static RuleBase compile(Path rulesDir) throws RuleProblems {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(rulesDir)) throw new RuleProblems(List.of(rulesDir + ":1:1: no such rule folder (use --rules FOLDER)"));
        RuleSettings settings = RuleSettings.read(rulesDir, problems);
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(rulesDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".drl")).forEach(p -> files.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new RuleProblems(List.of(rulesDir + ":1:1: cannot be read: " + e.getMessage()));
        }
        if (files.isEmpty()) problems.add(rulesDir + ":1:1: no .drl rule files in this folder");

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.perfalert.rules", "analysts-rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        Map<String, String> sources = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        for (var e : files.entrySet()) {
            String text;
            try { text = Files.readString(e.getValue(), StandardCharsets.UTF_8); }
            catch (IOException ex) { problems.add(e.getValue() + ":1:1: cannot be read: " + ex.getMessage()); continue; }
            sources.put(e.getKey(), text);
            shown.put(e.getKey(), e.getValue().toString());
            SettingsInRules.check(e.getValue(), text, settings, problems);
            kfs.write(VIRTUAL_DIR + e.getKey(), text);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> buildProblems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR))
            if (!m.getText().contains("Parser returned a null Package")) // follows a syntax error already reported
                buildProblems.add(ProblemLocator.describe(m, sources, shown, rulesDir.toString()));
        if (buildProblems.isEmpty() && builder.getResults().hasMessages(Message.Level.ERROR))
            builder.getResults().getMessages(Message.Level.ERROR)
                    .forEach(m -> buildProblems.add(ProblemLocator.describe(m, sources, shown, rulesDir.toString())));
        problems.addAll(buildProblems);
        try {
            if (!problems.isEmpty()) throw new RuleProblems(problems);
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(ConsequenceExceptionHandlerOption.get(ReportingHandler.class));
            KieBase base = ks.newKieContainer(id).newKieBase(conf);
            List<String> ids = new ArrayList<>();
            for (KiePackage p : base.getKiePackages()) for (Rule r : p.getRules()) ids.add(r.getName());
            Collections.sort(ids);
            return new RuleBase(base, settings, ids);
        } finally {
            ks.getRepository().removeKieModule(id); // so repeated compiles do not pile up
        }
    }
}
