package org.perfalert.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * Turns the files and folders given into the files to read, in loading order: tidy CSV, then
 * police.uk street files, then JSON; each kind in file-name order. Folders are walked recursively
 * and only files of a known kind are taken from them; a file named directly is always taken.
 */
public final class InputFiles {
    private InputFiles() { }

    static final Comparator<Path> ORDER = Comparator
            .comparing((Path p) -> InputKind.of(p).map(Enum::ordinal).orElse(InputKind.values().length))
            .thenComparing(p -> p.getFileName().toString())
            .thenComparing(Path::toString);

    /** The files, in loading order; a path that does not exist is added to problems. */
    public static List<Path> expand(List<Path> filesOrFolders, List<String> problems) {
        Map<Path, String> byPath = new LinkedHashMap<>();
        List<Path> files = expand(filesOrFolders, byPath);
        problems.addAll(byPath.values());
        return files;
    }

    /** As above, with each problem under the path it is about. */
    static List<Path> expand(List<Path> filesOrFolders, Map<Path, String> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> InputKind.of(f).isPresent()).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.put(p, p + ": the folder cannot be read: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.put(p, p + ": no such file or folder (check the path)");
            }
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(ORDER);
        return sorted;
    }
}
