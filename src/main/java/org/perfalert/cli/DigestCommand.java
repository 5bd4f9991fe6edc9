package org.perfalert.cli;

import org.perfalert.config.ConfigException;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.digest.*;
import org.perfalert.rules.RuleSettings;
import org.perfalert.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Build the weekly digest for the performance board and send it to digest.to in people.yaml,"
                + " archiving a copy under digest.dir; or, with --out, only write it to FILE.",
                "A week's digest is sent once: running the week again replaces the archived copy and sends nothing."})
public class DigestCommand implements Callable<Integer> {
    @Mixin Common common;

    @Spec CommandSpec spec;

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "the ISO week, e.g. 2025-W48 (default: the last complete week in digest.zone)")
    String week;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the digest to FILE instead of sending it (HTML, images in FILE-img/ beside it; plain text if FILE ends in .txt)")
    Path out;

    @Override
    public Integer call() throws ConfigException {
        Configuration cfg = ConfigLoader.load(common.config);
        List<String> problems = new ArrayList<>();
        RuleSettings settings = RuleSettings.read(common.rules, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        PrintWriter pw = spec.commandLine().getOut();
        ZoneId zone;
        try { zone = DigestSettings.from(cfg.settings()).zone(); }
        catch (IllegalArgumentException e) { throw new UserError("application.properties: " + e.getMessage()); }
        DigestWeek chosen;
        try { chosen = week == null ? null : DigestWeek.parse(week, zone); }
        catch (IllegalArgumentException e) { throw new CommandLine.ParameterException(spec.commandLine(), "--week: " + e.getMessage()); }
        try (Store store = FilledStore.open(cfg.settings())) {
            WeeklyDigest digest;
            try { digest = Digests.over(store, cfg, settings, Clock.systemUTC(), out == null); }
            catch (IllegalArgumentException e) { throw new UserError("application.properties: " + e.getMessage()); }
            DigestWeek w = chosen == null ? digest.lastCompleteWeek() : chosen;
            if (out == null) {
                pw.println(digest.deliver(w).message());
            } else {
                Digest d = digest.build(w);
                String name = out.getFileName().toString();
                if (name.endsWith(".txt")) {
                    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
                    Files.writeString(out, digest.renderer().text(d), StandardCharsets.UTF_8);
                } else {
                    String images = name.replaceFirst("\\.html?$", "") + "-img";
                    DigestArchive.writeHtml(out, images, digest.renderer().html(d, n -> images + "/" + n), d.images());
                }
                pw.println("digest " + w + " written to " + out + " (not sent); " + d.shownLines() + " series shown of "
                        + d.raised() + " exceptions held");
            }
        } catch (IOException e) {
            throw new UserError("digest: " + e.getMessage());
        }
        pw.flush();
        return Main.OK;
    }
}
