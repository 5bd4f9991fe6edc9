package org.perfalert.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.stream.Stream;

/**
 * Feeds the repository's sample data into an inbox month by month, as a force would: the board
 * measures split into one tidy CSV per month, and the police.uk street files as published. Each file
 * is named after its month first, so the inbox (sorted by name) loads them in month order, and is
 * written under a hidden name then renamed, so the service never sees half a file.
 */
public final class DemoFeeder {
    public static final Path BOARD = Path.of("samples", "board-measures", "board-measures.csv");
    public static final Path STREET = Path.of("samples", "policeuk", "street");

    private DemoFeeder() { }

    /** Writes the sample files into inbox; returns their names in the order they will be loaded. */
    public static List<String> feed(Path repo, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        List<String> names = new ArrayList<>();
        names.addAll(splitBoardMeasures(repo.resolve(BOARD), inbox));
        names.addAll(copyStreetFiles(repo.resolve(STREET), inbox));
        Collections.sort(names);
        return names;
    }

    /** How many files feed() will write (to wait for them before they are written). */
    public static int count(Path repo) throws IOException {
        long months;
        try (Stream<String> lines = Files.lines(repo.resolve(BOARD), StandardCharsets.UTF_8)) {
            months = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(','))).distinct().count();
        }
        try (Stream<Path> s = Files.list(repo.resolve(STREET))) {
            return (int) (months + s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz")).count());
        }
    }

    /** One file per month of the board measures: YYYY-MM-board-measures.csv with the same header. */
    static List<String> splitBoardMeasures(Path board, Path inbox) throws IOException {
        if (!Files.exists(board)) throw new NoSuchFileException(board + " (the demo runs from the repository's top folder)");
        SortedMap<String, List<String>> byMonth = new TreeMap<>();
        String header;
        try (BufferedReader r = Files.newBufferedReader(board, StandardCharsets.UTF_8)) {
            header = r.readLine();
            if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("month,"))
                throw new IOException(board + ": expected a header starting with \"month,\"");
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                byMonth.computeIfAbsent(line.substring(0, line.indexOf(',')), m -> new ArrayList<>()).add(line);
            }
        }
        List<String> names = new ArrayList<>();
        for (var e : byMonth.entrySet()) {
            String name = e.getKey() + "-board-measures.csv";
            List<String> lines = new ArrayList<>();
            lines.add(header);
            lines.addAll(e.getValue());
            drop(inbox, name, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
            names.add(name);
        }
        return names;
    }

    /** The police.uk files unchanged (their names already start with the month). */
    static List<String> copyStreetFiles(Path street, Path inbox) throws IOException {
        if (!Files.isDirectory(street)) throw new NoSuchFileException(street + " (the demo runs from the repository's top folder)");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(street)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz")).sorted().toList()) {
                drop(inbox, f.getFileName().toString(), Files.readAllBytes(f));
                names.add(f.getFileName().toString());
            }
        }
        return names;
    }

    /** Written under a hidden name (which the inbox ignores), then renamed in one step. */
    static void drop(Path inbox, String name, byte[] content) throws IOException {
        Path hidden = inbox.resolve("." + name + ".part");
        Files.write(hidden, content);
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
