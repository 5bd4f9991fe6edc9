package org.perfalert.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * What a compile reads from a rule folder, read once: the text of every .drl file (by file name, in
 * alphabetical order) and of settings.properties, and the problems met reading them. The compiler and
 * the compiled-rules cache both work from these texts, so the rules compiled are the rules hashed.
 *
 * @param files       every .drl file by name, alphabetical
 * @param sources     the text of each file that could be read
 * @param unreadable  the problem of each file that could not
 * @param settingsText the text of settings.properties, or null when it is missing or cannot be read
 * @param problems    the settings' problems and a folder without rule files, in that order
 */
record RuleFolder(Path dir, SortedMap<String, Path> files, SortedMap<String, String> sources, Map<String, String> unreadable,
                  String settingsText, RuleSettings settings, List<String> problems) {

    /** Reads the folder; a folder that cannot be read at all is RuleProblems at once. */
    static RuleFolder read(Path dir) throws RuleProblems { return read(dir, dir.resolve(RuleSettings.FILE)); }

    /** The folder's rule files with the settings of another file (backtest --compare with a changed copy). */
    static RuleFolder read(Path dir, Path settingsFile) throws RuleProblems {
        if (!Files.isDirectory(dir)) throw new RuleProblems(List.of(dir + ":1:1: no such rule folder (use --rules FOLDER)"));
        List<String> problems = new ArrayList<>();
        String settingsText = null;
        RuleSettings settings = new RuleSettings(Map.of());
        if (!Files.exists(settingsFile)) {
            problems.add(settingsFile + ":1:1: missing (the rules need their settings file; copy it from the standard rule pack)");
        } else {
            try {
                settingsText = Files.readString(settingsFile, StandardCharsets.UTF_8);
                settings = RuleSettings.parse(settingsFile, settingsText, problems);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(settingsFile + ":1:1: cannot be read: " + e.getMessage());
            }
        }
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".drl")).forEach(p -> files.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new RuleProblems(List.of(dir + ":1:1: cannot be read: " + e.getMessage()));
        }
        if (files.isEmpty()) problems.add(dir + ":1:1: no .drl rule files in this folder");
        SortedMap<String, String> sources = new TreeMap<>();
        Map<String, String> unreadable = new HashMap<>();
        for (var e : files.entrySet()) {
            try { sources.put(e.getKey(), Files.readString(e.getValue(), StandardCharsets.UTF_8)); }
            catch (IOException ex) { unreadable.put(e.getKey(), e.getValue() + ":1:1: cannot be read: " + ex.getMessage()); }
        }
        return new RuleFolder(dir, files, sources, unreadable, settingsText, settings, problems);
    }
}
